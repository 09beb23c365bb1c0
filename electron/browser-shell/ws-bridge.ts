import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { fail, type Result } from '../../shared/result';
import { MAX_FRAME_BYTES, requestSchema, WS_PATH, type WireMessage } from '../../shared/wire';
import type { LabHost } from '../host/lab-host';
import { checkUpgrade } from './guards';

/** A subscriber with this much unsent data is slow: its batches merge until it drains. */
const SLOW_BYTES = 1024 * 1024;
/** Requests one connection may have in flight; more are refused, not queued. */
const MAX_IN_FLIGHT = 64;
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

function send(ws: WebSocket, message: WireMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

/** One request frame → one reply; anything malformed gets an error reply, never an exception. */
async function answer(host: LabHost, data: RawData, isBinary: boolean): Promise<WireMessage> {
  const reply = (id: number | null, result: Result<unknown>): WireMessage => ({ type: 'reply', id, result });
  if (isBinary) return reply(null, fail('BAD_ARGUMENT', 'Frames must be JSON text, not binary.'));
  let json: unknown;
  try {
    json = JSON.parse(data.toString());
  } catch {
    return reply(null, fail('BAD_ARGUMENT', 'Frame is not valid JSON.'));
  }
  const request = requestSchema.safeParse(json);
  if (!request.success) {
    return reply(null, fail('BAD_ARGUMENT', 'Frame must be {"id": number, "command": string, "args": ...}.'));
  }
  const { id, command, args } = request.data;
  return reply(id, await host.command(command, args));
}

/**
 * The contract over WebSocket: guards every upgrade (token, Host, Origin), limits frame
 * size, connections and in-flight requests, and subscribes each connection to batches.
 */
export function createWsBridge(host: LabHost, token: string, port: () => number) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  wss.on('connection', (ws: WebSocket) => {
    let inFlight = 0;
    const unsubscribe = host.subscribe({
      send: (delta) => send(ws, { type: 'delta', delta }),
      busy: () => ws.bufferedAmount > SLOW_BYTES,
    });
    ws.on('message', (data, isBinary) => {
      if (inFlight >= MAX_IN_FLIGHT) {
        send(ws, { type: 'reply', id: null, result: fail('TRANSPORT', 'Too many requests in flight.') });
        return;
      }
      inFlight += 1;
      void answer(host, data, isBinary).then((message) => {
        inFlight -= 1;
        send(ws, message);
      });
    });
    // ws has already begun the close handshake (1009 for an oversized frame) when it reports a
    // protocol error; terminating here would cut the close frame off behind queued replies (1006).
    ws.on('error', () => undefined);
    ws.on('close', unsubscribe);
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
