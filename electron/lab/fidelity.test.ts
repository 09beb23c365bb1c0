// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Action } from '../../shared/engine';
import { about, connect, payload, random, recordActions, sha256, startEngine, waitFor } from './testing';

const MiB = 1024 * 1024;
const lostBytes = (actions: Action[]): number =>
  actions.reduce((sum, a) => sum + (a.kind === 'lost' ? a.bytes : 0), 0);

describe('half-close', () => {
  it('Safe: a client that sends 1 MiB then shuts its write side gets 1 MiB back, then EOF', async () => {
    const { server, port } = await startEngine();
    const actions = recordActions(server);
    const client = await connect(port);
    const data = payload(MiB, random(4));
    client.socket.end(data);
    const echoed = await client.ended;
    expect(sha256(echoed)).toBe(sha256(data));
    const mine = about(actions, 1);
    expect(mine.some((a) => a.kind === 'eof')).toBe(true);
    expect(mine.at(-1)).toMatchObject({ kind: 'close', reason: 'flushed' });
    expect(lostBytes(mine)).toBe(0);
  });

  it('Tutorial: the records show where the original crashes or drops the queued bytes', async () => {
    const { server, port } = await startEngine({}, 'tutorial');
    const actions = recordActions(server);
    const client = await connect(port);
    client.socket.end(payload(MiB, random(5)));
    const echoed = await client.ended;
    const mine = about(actions, 1);
    const eofAt = mine.findIndex((a) => a.kind === 'eof');
    expect(eofAt).toBeGreaterThan(0);
    // After EOF the original closes the socket and deletes its queue at once ...
    expect(mine.slice(eofAt).some((a) => a.kind === 'close' && a.reason === 'eof')).toBe(true);
    // ... so it either loses what was queued or raises KeyError in the writable loop.
    expect(
      mine.some(
        (a) =>
          (a.kind === 'crash' && a.exception === 'KeyError') ||
          (a.kind === 'lost' && a.why === 'queue-dropped'),
      ),
    ).toBe(true);
    // Every byte is accounted for: echoed, or recorded as lost.
    expect(echoed.length + lostBytes(mine)).toBe(MiB);
  });
});

describe('slow reader', () => {
  async function slowReader(fidelity: 'safe' | 'tutorial') {
    const { server, port } = await startEngine({}, fidelity);
    const actions = recordActions(server);
    const client = await connect(port);
    client.socket.pause();
    const data = payload(8 * MiB, random(8));
    client.socket.end(data);
    await waitFor(
      server,
      () => actions.some((a) => a.kind === 'send' && a.sent < a.of),
      'a partial send',
      20_000,
    );
    client.socket.resume();
    const echoed = await client.ended;
    return { data, echoed, mine: about(actions, 1) };
  }

  it('Safe: partial sends are recorded and requeued, and everything arrives once the client reads', async () => {
    const { data, echoed, mine } = await slowReader('safe');
    expect(mine.some((a) => a.kind === 'requeue')).toBe(true);
    expect(sha256(echoed)).toBe(sha256(data));
    expect(lostBytes(mine)).toBe(0);
  }, 30_000);

  it('Tutorial: the bytes the records call lost are exactly the bytes the client misses', async () => {
    const { echoed, mine } = await slowReader('tutorial');
    const lost = lostBytes(mine);
    expect(mine.some((a) => a.kind === 'lost' && a.why === 'partial-send')).toBe(true);
    expect(lost).toBeGreaterThan(0);
    expect(echoed.length).toBe(8 * MiB - lost);
  }, 30_000);
});

describe('Tutorial crash', () => {
  it('records KeyError when a socket closed in the readable loop is also writable, and can stop the server as the original would', async () => {
    const { server, port } = await startEngine({ stopOnCrash: true }, 'tutorial');
    server.setMode('step');
    const notices: string[] = [];
    server.on('notice', (n) => notices.push(n.code));
    const client = await connect(port);
    await waitFor(server, () => server.pending()?.readable.includes(0) ?? false, 'a pending accept');
    await server.step();
    client.socket.write('bye');
    await waitFor(server, () => server.pending()?.readable.includes(1) ?? false, 'bye to arrive');
    await server.step(); // recv, put, outputs += #1
    client.socket.end();
    await waitFor(server, () => server.connectionView(1)?.eof ?? false, 'the EOF to arrive');
    // Still queued: #1 is writable, and readable with the EOF, in the same select().
    expect(server.pending()).toEqual({ readable: [1], writable: [1], exceptional: [] });
    const crash = await server.step();
    if (!crash.ok) throw new Error(crash.error.message);
    expect(crash.value.actions.map((a) => a.kind)).toEqual([
      'select',
      'eof',
      'outputs-remove',
      'inputs-remove',
      'lost',
      'close',
      'crash',
    ]);
    expect(crash.value.actions.at(-1)).toMatchObject({
      kind: 'crash',
      exception: 'KeyError',
      phase: 'writable',
    });
    await waitFor(server, () => server.snapshot().server.state === 'crashed', 'the server to stop');
    expect(server.snapshot().server.error).toMatch(/KeyError/);
    expect(notices).toContain('KeyError');
  });

  it('switches fidelity while running: the same situation is skipped in Safe mode', async () => {
    const { server, port } = await startEngine({}, 'tutorial');
    server.setMode('step');
    const client = await connect(port);
    await waitFor(server, () => server.pending()?.readable.includes(0) ?? false, 'a pending accept');
    await server.step();
    client.socket.write('bye');
    await waitFor(server, () => server.pending()?.readable.includes(1) ?? false, 'bye to arrive');
    await server.step();
    await server.step(); // get + send: the queue is empty but #1 stays in outputs
    client.socket.end();
    await waitFor(server, () => server.connectionView(1)?.eof ?? false, 'the EOF to arrive');
    expect(server.setFidelity('safe').ok).toBe(true);
    const safe = await server.step();
    if (!safe.ok) throw new Error(safe.error.message);
    expect(safe.value.fidelity).toBe('safe');
    expect(safe.value.actions.map((a) => a.kind)).toEqual([
      'select',
      'eof',
      'inputs-remove',
      'outputs-remove',
      'close',
      'skip',
    ]);
    expect(await client.ended).toEqual(Buffer.from('bye'));
  });
});
