import { extname, join, normalize, sep } from 'node:path';

/**
 * The built renderer's files as both shells serve them (app:// in Electron, http:// in the
 * browser shell): which file a URL path names, and its content type. Pure, so it is tested
 * without Electron or a server.
 */

/**
 * The file under `root` that a URL's (still percent-encoded) `pathname` names, or null when
 * it cannot be decoded or would leave `root` (`..`, encoded slashes or backslashes, NUL).
 */
export function fileUnderRoot(pathname: string, root: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
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
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** A content type for a file name, by extension. */
export const contentType = (file: string): string =>
  TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
