// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Action } from '../../shared/engine';
import type { SelectServer } from '../lab/select-server';
import { recordActions, startEngine, waitFor } from '../lab/testing';
import { connectionsOf, spec, startFleet, waitForFleet } from './testing';

const KiB = 1024;
const target = (port: number) => ({ host: '127.0.0.1', port });
const onlyOne = (ids: number[]): number => {
  expect(ids).toHaveLength(1);
  return ids[0]!;
};
const about = (actions: Action[], id: number): Action[] =>
  actions.filter((a) => a.kind !== 'select' && a.id === id);
const isPartialSend = (a: Action): boolean => a.kind === 'send' && a.sent < a.of;

/** Counts actions matching `test` as they run (re-scanning every action on every event would be quadratic). */
function counter(server: SelectServer, test: (a: Action) => boolean): () => number {
  let count = 0;
  server.on('action', (a) => {
    if (test(a)) count += 1;
  });
  return () => count;
}

describe('each behaviour takes its path through the engine (issue 5, test 1)', () => {
  it('reset: the socket turns readable, recv() raises ConnectionResetError, and the server closes it', async () => {
    const { server, port } = await startEngine();
    const actions = recordActions(server);
    const fleet = startFleet();
    await fleet.spawn(spec({ behaviour: 'reset', messageSize: 100 }), target(port));
    await waitForFleet(fleet, () => fleet.client(1)?.state === 'closed', 'the client to reset');
    const id = onlyOne(connectionsOf(actions, fleet.clients()));
    await waitFor(server, () => about(actions, id).some((a) => a.kind === 'close'), 'the server to close it');
    expect(actions.some((a) => a.kind === 'select' && a.exceptional.includes(id))).toBe(false);
    const ending = about(actions, id).filter((a) => a.kind === 'raise' || a.kind === 'close');
    expect(ending).toMatchObject([
      { kind: 'raise', call: 'recv', exception: 'ConnectionResetError' },
      { kind: 'close', reason: 'error', error: 'ECONNRESET' },
    ]);
    expect(fleet.client(1)?.verification).toEqual({ state: 'ok' });
  });

  it('half-close: the EOF branch runs, and Safe mode still echoes what was queued', async () => {
    const { server, port } = await startEngine();
    const actions = recordActions(server);
    const fleet = startFleet();
    await fleet.spawn(spec({ behaviour: 'half-close', messageSize: 256 * KiB }), target(port));
    await waitForFleet(
      fleet,
      () => fleet.client(1)?.state === 'closed',
      'the server to finish the half-closed client',
    );
    const id = onlyOne(connectionsOf(actions, fleet.clients()));
    const mine = about(actions, id);
    expect(mine.some((a) => a.kind === 'eof')).toBe(true);
    expect(mine.at(-1)).toMatchObject({ kind: 'close', reason: 'flushed' });
    expect(fleet.client(1)).toMatchObject({
      bytesSent: 256 * KiB,
      bytesEchoed: 256 * KiB,
      verification: { state: 'ok' },
    });
    void server;
  });

  it('slow-reader: the server records partial sends', { timeout: 30_000 }, async () => {
    const { server, port } = await startEngine();
    const actions = recordActions(server);
    const fleet = startFleet();
    await fleet.spawn(spec({ behaviour: 'slow-reader', messageSize: 64 * KiB }), target(port));
    const partials = counter(server, isPartialSend);
    await waitFor(server, () => partials() > 0, 'a partial send', 20_000);
    const id = onlyOne(connectionsOf(actions, fleet.clients()));
    expect(about(actions, id).some(isPartialSend)).toBe(true);
    expect(about(actions, id).some((a) => a.kind === 'requeue')).toBe(true);
  });

  it('burst of 100 KiB: at least 100 recv() calls of at most 1024 bytes', async () => {
    const { server, port } = await startEngine();
    const actions = recordActions(server);
    const fleet = startFleet();
    await fleet.spawn(spec({ behaviour: 'burst', messageSize: 100 * KiB }), target(port));
    await waitForFleet(fleet, () => fleet.client(1)?.bytesEchoed === 100 * KiB, 'the whole burst echoed');
    const id = onlyOne(connectionsOf(actions, fleet.clients()));
    const recvs = about(actions, id).filter((a) => a.kind === 'recv');
    expect(recvs.length).toBeGreaterThanOrEqual(100);
    expect(recvs.every((a) => a.kind === 'recv' && a.bytes <= 1024)).toBe(true);
    expect(fleet.client(1)?.verification).toEqual({ state: 'ok' });
    void server;
  });

  it('idle: connects and sends nothing', async () => {
    const { server, port } = await startEngine();
    const actions = recordActions(server);
    const fleet = startFleet();
    await fleet.spawn(spec({ behaviour: 'idle', count: 2 }), target(port));
    await waitFor(server, () => actions.filter((a) => a.kind === 'accept').length === 2, 'two accepts');
    await waitForFleet(fleet, () => fleet.clients().every((c) => c.state === 'open'), 'two open clients');
    expect(actions.some((a) => a.kind === 'recv')).toBe(false);
    expect(server.snapshot().inputs).toHaveLength(3);
  });

  it('stream: sends and reads continuously, every byte verified', async () => {
    const { server, port } = await startEngine();
    const fleet = startFleet();
    await fleet.spawn(spec({ behaviour: 'stream', count: 3, messageSize: 4 * KiB }), target(port));
    await waitForFleet(
      fleet,
      () => fleet.clients().every((c) => c.bytesEchoed > 512 * KiB),
      'half a MiB echoed each',
    );
    expect(fleet.clients().every((c) => c.verification.state === 'ok')).toBe(true);
    void server;
  });
});

describe('verification across fidelities (issue 5, test 2)', () => {
  it('Tutorial: a slow-reader detects lost bytes and says how many', { timeout: 30_000 }, async () => {
    const { server, port } = await startEngine({}, 'tutorial');
    const actions = recordActions(server);
    const fleet = startFleet();
    await fleet.spawn(spec({ behaviour: 'slow-reader', messageSize: 64 * KiB }), target(port));
    await waitForFleet(
      fleet,
      () => fleet.client(1)?.verification.state === 'lost',
      'the client to detect a loss',
      25_000,
    );
    const id = onlyOne(connectionsOf(actions, fleet.clients()));
    const lostByServer = about(actions, id).reduce((sum, a) => sum + (a.kind === 'lost' ? a.bytes : 0), 0);
    const verification = fleet.client(1)!.verification;
    if (verification.state !== 'lost') throw new Error('not lost');
    // The client counts a gap once it reads past it: never more than the server dropped.
    expect(verification.bytes).toBeGreaterThan(0);
    expect(verification.bytes).toBeLessThanOrEqual(lostByServer);
  });

  it(
    'Safe: slow-readers go through partial sends and every client verifies ok',
    { timeout: 30_000 },
    async () => {
      const { server, port } = await startEngine();

      const fleet = startFleet();
      await fleet.spawn(spec({ behaviour: 'slow-reader', count: 3, messageSize: 64 * KiB }), target(port));
      const requeues = counter(server, (a) => a.kind === 'requeue');
      await waitFor(server, () => requeues() >= 3, 'requeued partial sends', 25_000);
      await waitForFleet(
        fleet,
        () => fleet.clients().every((c) => c.bytesEchoed > 1024 * KiB),
        'a MiB echoed each',
        25_000,
      );
      expect(fleet.clients().map((c) => c.verification)).toEqual([
        { state: 'ok' },
        { state: 'ok' },
        { state: 'ok' },
      ]);
    },
  );
});
