// @vitest-environment node
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { MAX_FRAME_BYTES } from '../../shared/wire';
import { connectClients, echoOnce, waitUntil } from '../host/test-support';
import { call, nextReply, useShellUnderTest, wsClient } from './test-support';

const t = useShellUnderTest();

const origin = () => `http://127.0.0.1:${t.shell.port}`;
const client = (token = t.shell.token): Promise<WebSocket> => wsClient(t.shell.port, token);

/** The HTTP status a raw upgrade request gets (101 when accepted). */
function upgradeStatus(
  headers: Record<string, string>,
  path = `/ws?token=${t.shell.token}`,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1',
      port: t.shell.port,
      path,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        Host: `127.0.0.1:${t.shell.port}`,
        Origin: origin(),
        ...headers,
      },
    });
    request.on('upgrade', (response, socket) => {
      socket.destroy();
      resolve(response.statusCode ?? 0);
    });
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}

describe('browser shell WebSocket guards', () => {
  it('accepts the page with its token and answers a command', async () => {
    expect(await upgradeStatus({})).toBe(101);
    const ws = await client();
    const reply = await call(ws, 1, 'snapshot', {});
    expect(reply).toMatchObject({
      type: 'reply',
      id: 1,
      result: { ok: true, value: { engine: { mode: 'run' } } },
    });
  });

  it('no token → 401, wrong token → 401', async () => {
    expect(await upgradeStatus({}, '/ws')).toBe(401);
    expect(await upgradeStatus({}, '/ws?token=wrong')).toBe(401);
    await expect(client('wrong')).rejects.toThrow(/401/);
  });

  it('Host: evil.example → refused; Origin: http://evil.example → refused', async () => {
    expect(await upgradeStatus({ Host: 'evil.example' })).toBe(403);
    expect(await upgradeStatus({ Origin: 'http://evil.example' })).toBe(403);
  });

  it('every oversized frame closes that socket with 1009, even with replies in flight; the others go on', async () => {
    const other = await client();
    const oversized = 'x'.repeat(MAX_FRAME_BYTES + 1);
    const codes: number[] = [];
    for (let round = 0; round < 5; round++) {
      const big = await client();
      const closed = new Promise<number>((resolve) => big.once('close', (code) => resolve(code)));
      big.on('error', () => undefined);
      // Replies still being written when the frame arrives: the close frame must not be cut off.
      for (let id = 0; id < 20; id++) big.send(JSON.stringify({ id, command: 'snapshot', args: {} }));
      big.send(oversized);
      codes.push(await closed);
    }
    expect(codes).toEqual([1009, 1009, 1009, 1009, 1009]);
    expect((await call(other, 2, 'snapshot', {})).result.ok).toBe(true);
    expect((await call(await client(), 3, 'snapshot', {})).result.ok).toBe(true);
  });

  it('non-JSON, binary and malformed frames get an error reply', async () => {
    const ws = await client();
    let reply = nextReply(ws);
    ws.send('{not json');
    expect(await reply).toMatchObject({ id: null, result: { ok: false, error: { code: 'BAD_ARGUMENT' } } });
    reply = nextReply(ws);
    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await reply).toMatchObject({ id: null, result: { ok: false, error: { code: 'BAD_ARGUMENT' } } });
    reply = nextReply(ws);
    ws.send(JSON.stringify({ command: 'snapshot' }));
    expect(await reply).toMatchObject({ id: null, result: { ok: false, error: { code: 'BAD_ARGUMENT' } } });
    expect(await call(ws, 4, 'startServer', { host: '127.0.0.1', port: 70000 })).toMatchObject({
      id: 4,
      result: { ok: false, error: { code: 'BAD_ARGUMENT' } },
    });
    expect(await call(ws, 5, 'nope', {})).toMatchObject({
      id: 5,
      result: { ok: false, error: { code: 'UNKNOWN_COMMAND' } },
    });
  });
});

describe('browser shell static files', () => {
  const get = (path: string, hostHeader = `127.0.0.1:${t.shell.port}`) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: t.shell.port, path, headers: { Host: hostHeader } }, (response) => {
          response.resume();
          resolve({ status: response.statusCode ?? 0, headers: response.headers });
        })
        .on('error', reject);
    });

  it('serves the page with a CSP, refuses foreign hosts and paths outside the folder', async () => {
    const page = await get('/?token=x');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await get('/', 'evil.example')).status).toBe(421);
    expect((await get('/../package.json')).status).toBe(404);
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });

  it("answers a plain GET of the WebSocket path with whether the page's token is this shell's", async () => {
    expect((await get(`/ws?token=${t.shell.token}`)).status).toBe(426);
    expect((await get('/ws?token=an-old-token')).status).toBe(401);
    expect((await get('/ws')).status).toBe(401);
    expect((await get(`/ws?token=${t.shell.token}`, 'evil.example')).status).toBe(421);
  });
});

describe('reconnecting', () => {
  it('a new connection mid-run gets a full snapshot; the engine connections are untouched', async () => {
    const first = await client();
    await call(first, 98, 'setOptions', { backlog: 511 }); // twenty at once, none past listen()'s queue
    const started = await call(first, 1, 'startServer', { host: '127.0.0.1', port: 0 });
    const port = started.result.ok ? (started.result.value as { port: number }).port : 0;
    const sockets = await connectClients(port, 20);
    await waitUntil(
      () => t.engine.snapshot().connections.length === 20,
      '20 connections',
      (check) => t.engine.on('iteration', check),
    );
    const ids = t.engine.snapshot().connections.map((c) => c.id);
    first.close();

    const second = await client();
    const snapshot = await call(second, 2, 'snapshot', {});
    const value = snapshot.result.ok
      ? (snapshot.result.value as { engine: { connections: { id: number }[] } })
      : null;
    expect(value?.engine.connections.map((c) => c.id).sort((a, b) => a - b)).toEqual(
      ids.sort((a, b) => a - b),
    );
    for (const socket of sockets)
      expect((await echoOnce(socket, Buffer.from('still here'))).toString()).toBe('still here');
    expect(
      t.engine
        .snapshot()
        .connections.map((c) => c.id)
        .sort((a, b) => a - b),
    ).toEqual(ids);
    sockets.forEach((socket) => socket.destroy());
  });
});
