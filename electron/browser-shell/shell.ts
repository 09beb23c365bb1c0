import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LabHost } from '../host/lab-host';
import type { BridgeLimits } from './bridge-connection';
import { newToken } from './guards';
import { recordingDownloads, type RecordingFolder } from './recording-downloads';
import { staticHandler } from './static-files';
import { createWsBridge } from './ws-bridge';

/** A running browser shell. */
export interface BrowserShell {
  /** The URL to open, token included. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface ShellOptions {
  /** The built renderer. */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  /** The token the page must present; a fresh one when absent. */
  token?: string;
  /** Per-client send budget and stall time (tests shrink them). */
  limits?: BridgeLimits;
  /** The recordings the window may download. */
  recordings?: RecordingFolder;
}

/**
 * Serves `staticDir` and the LabApi over WebSocket on 127.0.0.1 only. Rejects with the
 * listen error (EADDRINUSE, …) so the caller can say what went wrong.
 */
export async function startBrowserShell(host: LabHost, options: ShellOptions): Promise<BrowserShell> {
  const { staticDir, port, token = newToken(), limits, recordings } = options;
  let boundPort = port;
  const files = staticHandler(staticDir, () => boundPort, token);
  const downloads = recordings ? recordingDownloads(recordings, token, () => boundPort) : null;
  const server = createServer((request, response) => {
    void (async () => {
      if (!(await downloads?.(request, response))) await files(request, response);
    })();
  });
  const bridge = createWsBridge(host, token, () => boundPort, limits);
  server.on('upgrade', (request, socket, head) => bridge.handleUpgrade(request, socket, head));
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  boundPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${boundPort}/?token=${token}`,
    port: boundPort,
    token,
    close: async () => {
      bridge.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
