import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentType, fileUnderRoot } from '../static-path';
import { WS_PATH } from '../../shared/wire';
import { allowedHosts, hasToken } from './guards';

/** The same policy as renderer/index.html's meta tag, plus what only a header can say. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*; base-uri 'none'; form-action 'none'; " +
  "object-src 'none'; frame-ancestors 'none'";

/** A request URL's (still percent-encoded) path, or null when it cannot be parsed. */
function pathnameOf(url: string): string | null {
  try {
    return new URL(url, 'http://127.0.0.1').pathname;
  } catch {
    return null;
  }
}

function refuse(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'x-content-type-options': 'nosniff',
  });
  response.end(text);
}

/**
 * Serves the built renderer: GET/HEAD only, an exact Host, nothing outside `root`. A plain GET
 * of the WebSocket path answers whether its token is this shell's: 426 (upgrade to go on), or 401.
 */
export function staticHandler(root: string, port: () => number, token: string) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!request.headers.host || !allowedHosts(port()).includes(request.headers.host.toLowerCase())) {
      return refuse(response, 421, 'Host not allowed');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return refuse(response, 405, 'Method not allowed');
    const pathname = pathnameOf(request.url ?? '/');
    if (pathname === WS_PATH) {
      return hasToken(request.url, token)
        ? refuse(response, 426, 'Upgrade to a WebSocket')
        : refuse(response, 401, "This page's token is not this lab server's");
    }
    const file = pathname === null ? null : fileUnderRoot(pathname, root);
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) return refuse(response, 404, 'Not found');
    response.writeHead(200, {
      'content-type': contentType(file),
      'content-length': info.size,
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    if (request.method === 'HEAD') return void response.end();
    createReadStream(file).pipe(response);
  };
}
