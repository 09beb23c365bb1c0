import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { allowedHosts, hasToken } from './guards';

/** Where recordings come from: the lab's own, by name (a caller never names a path). */
export interface RecordingFolder {
  pathOf(name: string): Promise<string | null>;
}

export const RECORDINGS_PATH = '/recordings/';

function refuse(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'x-content-type-options': 'nosniff',
  });
  response.end(text);
}

/**
 * `GET /recordings/<name>?token=…`: a recording the lab made, as a download. The same guards
 * as the WebSocket: the exact Host (DNS rebinding), this run's token, and a name the lab gave.
 * Returns false for any other path, for the static files to answer.
 */
export function recordingDownloads(folder: RecordingFolder, token: string, port: () => number) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://127.0.0.1');
    } catch {
      return false;
    }
    if (!url.pathname.startsWith(RECORDINGS_PATH)) return false;
    if (!request.headers.host || !allowedHosts(port()).includes(request.headers.host.toLowerCase())) {
      refuse(response, 421, 'Host not allowed');
    } else if (request.method !== 'GET' && request.method !== 'HEAD') {
      refuse(response, 405, 'Method not allowed');
    } else if (!hasToken(request.url, token)) {
      refuse(response, 401, "This page's token is not this lab server's");
    } else {
      const name = decodeURIComponent(url.pathname.slice(RECORDINGS_PATH.length));
      const path = await folder.pathOf(name);
      const info = path ? await stat(path).catch(() => null) : null;
      if (!path || !info?.isFile()) {
        refuse(response, 404, 'No such recording');
      } else {
        response.writeHead(200, {
          'content-type': 'application/gzip',
          'content-length': info.size,
          'content-disposition': `attachment; filename="${name}"`,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
        });
        if (request.method === 'HEAD') response.end();
        else createReadStream(path).pipe(response);
      }
    }
    return true;
  };
}
