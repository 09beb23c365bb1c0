/**
 * Test support for the browser shell: WebSocket clients opened as the page opens them
 * (token in the URL, the shell's own Origin), closed after each test.
 */
import { afterEach } from 'vitest';
import WebSocket from 'ws';
import type { WireMessage, WireReply } from '../../shared/wire';

const open: WebSocket[] = [];

afterEach(() => {
  for (const ws of open.splice(0)) ws.terminate();
});

/** A client of the shell on `port`; resolves once open, rejects with the refusal (401, 403…). */
export function wsClient(port: number, token: string): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, {
    origin: `http://127.0.0.1:${port}`,
  });
  open.push(ws);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Next reply on `ws` (batches skipped). */
export function nextReply(ws: WebSocket): Promise<WireReply> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as WireMessage;
      if (message.type !== 'reply') return;
      ws.off('message', onMessage);
      resolve(message);
    };
    ws.on('message', onMessage);
  });
}

/** Sends one request and resolves with the next reply. */
export async function call(ws: WebSocket, id: number, command: string, args: unknown): Promise<WireReply> {
  const reply = nextReply(ws);
  ws.send(JSON.stringify({ id, command, args }));
  return reply;
}
