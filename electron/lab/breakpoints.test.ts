// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { connect, recordActions, startEngine, waitFor } from './testing';

/** Run until: full speed (Run mode), then halted in Step mode once the pass that met it is done. */
describe('Run until', () => {
  it('halts when a socket enters outputs, with the reason recorded after that action and in the snapshot', async () => {
    const { server, port } = await startEngine();
    const actions = recordActions(server);
    expect(server.runUntil({ kind: 'enters', list: 'outputs' }).ok).toBe(true);
    expect(server.snapshot()).toMatchObject({ mode: 'run', breakpoint: { kind: 'enters', list: 'outputs' } });
    const client = await connect(port);
    client.socket.write('hello');
    await waitFor(server, () => Boolean(server.snapshot().halt), 'the halt');
    const snapshot = server.snapshot();
    expect(snapshot.mode).toBe('step');
    expect(snapshot.breakpoint).toBeNull();
    expect(snapshot.halt?.reason).toBe('#1 entered outputs (run until a socket enters outputs)');
    expect(snapshot.cursor).toBeNull(); // the pass is done: halted before the next select()
    const at = actions.findIndex((a) => a.kind === 'halt');
    expect(actions[at - 1]).toMatchObject({ kind: 'outputs-add', id: 1 });
    expect(server.snapshot().pending?.writable).toEqual([1]);
    // Step carries on from there; the halt's reason goes with it.
    const next = await server.step();
    expect(next.ok && next.value.actions.map((a) => a.kind)).toContain('send');
    expect(server.snapshot().halt).toBeNull();
  });

  it('halts at the queue that passes N bytes, for the socket asked about only', async () => {
    const { server, port } = await startEngine();
    const first = await connect(port);
    const second = await connect(port);
    await waitFor(server, () => server.snapshot().connections.length === 2, 'two connections');
    // A full send buffer keeps the queue growing: the client does not read.
    second.socket.pause();
    expect(server.runUntil({ kind: 'queue', bytes: 4096, id: 2 }).ok).toBe(true);
    first.socket.write(Buffer.alloc(64 * 1024));
    second.socket.write(Buffer.alloc(8 * 1024 * 1024));
    await waitFor(server, () => Boolean(server.snapshot().halt), 'the halt', 20_000);
    expect(server.snapshot().halt?.reason).toMatch(
      /^#2's queue holds \d+ B \(run until #2's queue passes 4096 B\)$/,
    );
  }, 30_000);

  it('halts at a partial send once the Tutorial loses the rest', async () => {
    const { server, port } = await startEngine({}, 'tutorial');
    const client = await connect(port);
    client.socket.pause();
    expect(server.runUntil({ kind: 'partial-send' }).ok).toBe(true);
    client.socket.write(Buffer.alloc(16 * 1024 * 1024));
    await waitFor(server, () => Boolean(server.snapshot().halt), 'the halt', 20_000);
    expect(server.snapshot().halt?.reason).toMatch(
      /^#1: send\(\) wrote \d+ of \d+ B; the seed ignores the rest, and \d+ B are lost \(run until a partial send\)$/,
    );
    expect(server.snapshot().totals.bytesLost).toBeGreaterThan(0);
  }, 30_000);

  it('halts at iteration N, and refuses one that has run already', async () => {
    const { server, port } = await startEngine();
    const client = await connect(port);
    client.socket.write('a');
    await waitFor(server, () => server.snapshot().iteration >= 2, 'two iterations');
    const past = server.runUntil({ kind: 'iteration', n: 1 });
    expect(!past.ok && past.error.message).toMatch(/^Iteration 1 has run already/);
    const n = server.snapshot().iteration + 3;
    expect(server.runUntil({ kind: 'iteration', n }).ok).toBe(true);
    for (let i = 0; i < 5; i++) client.socket.write('b');
    const writes = setInterval(() => client.socket.write('c'), 5);
    try {
      await waitFor(server, () => Boolean(server.snapshot().halt), 'the halt');
    } finally {
      clearInterval(writes);
    }
    expect(server.snapshot().halt).toMatchObject({ n });
  });

  it('stops watching when the user picks a mode', async () => {
    const { server } = await startEngine();
    server.runUntil({ kind: 'crash' });
    server.setMode('step');
    expect(server.snapshot().breakpoint).toBeNull();
  });
});
