import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_HOST, APP_SCHEME } from './window';

/**
 * The file under `root` that an app:// URL names, or null when the URL is not ours
 * or tries to leave `root` (`..`, encoded slashes). Pure, so it is tested without Electron.
 */
export function resolveAppPath(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const relative = path === '/' ? 'index.html' : path.replace(/^\/+/, '');
  const file = normalize(join(root, relative));
  return file.startsWith(normalize(root) + sep) ? file : null;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** A content type for a file name, by extension. */
export const contentType = (file: string): string =>
  TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/** Must run before app `ready`: app:// behaves like https (secure, standard, fetch-able). */
export async function registerAppScheme(): Promise<void> {
  const { protocol } = await import('electron');
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from `root` over app://socket-lab/. */
export async function serveAppProtocol(root: string): Promise<void> {
  const { net, protocol } = await import('electron');
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(request.url, root);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    if (!response.ok) return new Response('Not found', { status: 404 });
    return new Response(response.body, {
      headers: { 'content-type': contentType(file), 'x-content-type-options': 'nosniff' },
    });
  });
}
