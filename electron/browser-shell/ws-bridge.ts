import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_FRAME_BYTES, WS_PATH } from '../../shared/wire';
import type { LabHost } from '../host/lab-host';
import { BridgeConnection, DEFAULT_LIMITS, type BridgeLimits } from './bridge-connection';
import { checkUpgrade } from './guards';

/** Browser tabs connected at once. */
const MAX_SOCKETS = 16;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  503: 'Service Unavailable',
};

function reject(socket: Duplex, status: number, reason: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\n` +
      `Content-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`,
  );
}

/**
 * The contract over WebSocket: guards every upgrade (token, Host, Origin), limits frame
 * size and connections, and gives each connection a bounded BridgeConnection.
 */
export function createWsBridge(
  host: LabHost,
  token: string,
  port: () => number,
  limits: BridgeLimits = DEFAULT_LIMITS,
) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  wss.on('connection', (ws: WebSocket) => {
    const connection = new BridgeConnection(ws, host, limits);
    const unsubscribe = host.subscribe(connection.subscriber);
    ws.on('message', (data, isBinary) => connection.receive(data, isBinary));
    // ws has already begun the close handshake (1009 for an oversized frame) when it reports a
    // protocol error; terminating here would cut the close frame off behind queued replies (1006).
    ws.on('error', () => undefined);
    ws.on('close', () => {
      unsubscribe();
      connection.dispose();
    });
  });

  return {
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
      socket.on('error', () => socket.destroy());
      const verdict = checkUpgrade(
        { url: request.url, host: request.headers.host, origin: request.headers.origin },
        token,
        port(),
        WS_PATH,
      );
      if (!verdict.ok) return reject(socket, verdict.status, verdict.reason);
      if (wss.clients.size >= MAX_SOCKETS) return reject(socket, 503, 'Too many connections');
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
    },
    close(): void {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
