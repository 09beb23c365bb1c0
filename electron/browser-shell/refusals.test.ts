// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { MAX_IN_FLIGHT, type WireMessage, type WireReply } from '../../shared/wire';
import { connectClients, echoOnce, waitUntil } from '../host/test-support';
import { call, useShellUnderTest, wsClient } from './test-support';

const t = useShellUnderTest();

/** Every reply `ws` receives, in order. */
function replies(ws: WebSocket): WireReply[] {
  const got: WireReply[] = [];
  ws.on('message', (data: WebSocket.RawData) => {
    const message = JSON.parse(data.toString()) as WireMessage;
    if (message.type === 'reply') got.push(message);
  });
  return got;
}

describe('requests past the in-flight cap', () => {
  it('are refused at once with their own id, and every request gets exactly one reply', async () => {
    const ws = await wsClient(t.shell.port, t.shell.token);
    // A backlog that admits 100 clients at once (listen(5) would keep most waiting for SYN retries).
    await call(ws, 98, 'setOptions', { backlog: 511 });
    const started = await call(ws, 0, 'startServer', { host: '127.0.0.1', port: 0 });
    const port = started.result.ok ? (started.result.value as { port: number }).port : 0;
    // Enough state that snapshot replies outgrow the kernel's socket buffers, so replies wait.
    const sockets = await connectClients(port, 300);
    await Promise.all(sockets.map((socket) => echoOnce(socket, Buffer.from('state'))));
    const size = JSON.stringify((await call(ws, 1, 'snapshot', {})).result).length;
    expect(size).toBeGreaterThan(256 * 1024);

    const got = replies(ws);
    ws.pause(); // a window that stops reading: its replies stay in flight
    const ids = Array.from({ length: 4 * MAX_IN_FLIGHT }, (_, i) => 100 + i);
    for (const id of ids) ws.send(JSON.stringify({ id, command: 'snapshot', args: {} }));
    ws.resume();
    await waitUntil(
      () => got.length >= ids.length,
      () => `a reply to each of ${ids.length} requests (got ${got.length})`,
      (check) => {
        ws.on('message', check);
        return () => ws.off('message', check);
      },
      20_000,
    );
    expect(got.map((r) => r.id).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(ids);
    const refused = got.filter((r) => !r.result.ok);
    expect(refused.length).toBeGreaterThan(0);
    for (const reply of refused)
      expect(reply.result).toMatchObject({ ok: false, error: { code: 'BUSY', message: /64 requests/ } });
    // A refusal is written when the request arrives, ahead of the replies still waiting.
    const firstRefusal = got.findIndex((r) => !r.result.ok);
    expect(got.slice(firstRefusal).some((r) => r.result.ok)).toBe(true);
    sockets.forEach((socket) => socket.destroy());
  }, 60_000);

  it('a malformed request with a readable id gets its error under that id', async () => {
    const ws = await wsClient(t.shell.port, t.shell.token);
    const reply = await new Promise<WireReply>((resolve) => {
      ws.once('message', (data: WebSocket.RawData) => resolve(JSON.parse(data.toString()) as WireReply));
      ws.send(JSON.stringify({ id: 7, command: 'snapshot', args: {}, extra: true }));
    });
    expect(reply).toMatchObject({ id: 7, result: { ok: false, error: { code: 'BAD_ARGUMENT' } } });
  });
});
