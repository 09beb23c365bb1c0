// @vitest-environment node
import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { LabDelta, LabSnapshot } from '../../shared/contract';
import { applyDelta } from '../../shared/delta';
import type { EngineSnapshot } from '../../shared/engine';
import type { ClientView } from '../../shared/fleet';
import { FleetController } from '../fleet/controller';
import { nodeLauncher } from '../fleet/node-launcher';
import { SelectServer } from '../lab/select-server';
import { LabHost } from './lab-host';
import { connectClients, waitUntil } from './test-support';

const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo();
});

const CONNECTIONS = 1_000;
const LOAD_MS = 5_000;
const MESSAGE = Buffer.alloc(64, 'x');

/** Each client sends 64 B, waits for the echo, and repeats until the deadline: bounded in time. */
function pingPong(sockets: net.Socket[], until: number): Promise<number> {
  let echoes = 0;
  return Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          let pending = MESSAGE.length;
          socket.on('data', (chunk: Buffer) => {
            pending -= chunk.length;
            if (pending > 0) return;
            echoes += 1;
            if (Date.now() >= until) return resolve();
            pending = MESSAGE.length;
            socket.write(MESSAGE);
          });
          socket.on('close', () => resolve());
          socket.write(MESSAGE);
        }),
    ),
  ).then(() => echoes);
}

const comparable = (engine: EngineSnapshot) => ({
  ...engine,
  connections: [...engine.connections].sort((a, b) => a.id - b.id),
});

/**
 * A subscriber that applies every batch to its own copy of the state (the reference
 * semantics), with `onBatch` for waits that re-check after each batch.
 */
function follow(host: LabHost, seen: (delta: LabDelta) => void = () => undefined) {
  let state: LabSnapshot;
  const listeners = new Set<() => void>();
  const unsubscribe = host.subscribe({
    send: (delta: LabDelta) => {
      seen(delta);
      state = applyDelta(state, delta);
      listeners.forEach((listener) => listener());
    },
  });
  const snapshot = host.snapshot();
  state = snapshot;
  cleanup.push(unsubscribe);
  return {
    snapshot,
    state: (): LabSnapshot => state,
    onBatch: (check: () => void) => {
      listeners.add(check);
      return () => listeners.delete(check);
    },
  };
}

describe('batching under load', () => {
  it('1,000 echoing connections for 5 s: at most 60 batches a second, final state equals the engine', async () => {
    // A backlog that admits each wave of 100 (listen(5) under a burst is readiness.test.ts's subject).
    const engine = new SelectServer({ backlog: 511 });
    const host = new LabHost(engine);
    cleanup.push(() => host.dispose());
    const started = await engine.start('127.0.0.1', 0);
    if (!started.ok) throw new Error(started.error.message);

    const times: number[] = [];
    let covered = 0;
    const { snapshot, state, onBatch } = follow(host, (delta) => {
      times.push(performance.now());
      covered += delta.iterations.length + delta.coalesced;
    });

    const sockets = await connectClients(started.value.port, CONNECTIONS);
    cleanup.push(() => sockets.forEach((socket) => socket.destroy()));
    const loadStart = performance.now();
    const echoes = await pingPong(sockets, Date.now() + LOAD_MS);
    const loadEnd = performance.now();
    expect(echoes).toBeGreaterThan(CONNECTIONS);

    const engineState = () => JSON.stringify(comparable(engine.snapshot()));
    const same = () => JSON.stringify(comparable(state().engine)) === engineState();
    await waitUntil(same, 'the subscriber to converge on the engine state', onBatch, 10_000);
    expect(state().engine.connections).toHaveLength(CONNECTIONS);
    expect(covered + snapshot.engine.iteration).toBe(engine.snapshot().iteration);
    expect(state().history.at(-1)?.n).toBe(engine.history().at(-1)?.n);

    // No one-second window during the load holds more than 60 batches.
    const during = times.filter((t) => t >= loadStart && t <= loadEnd);
    const worstSecond = Math.max(...during.map((t) => during.filter((u) => u >= t && u < t + 1000).length));
    expect(worstSecond).toBeLessThanOrEqual(60);
    expect(during.length).toBeGreaterThan(LOAD_MS / 1000); // batches did flow during the load
  }, 60_000);

  it("a subscriber's clients follow the fleet's: spawned, opened, then removed by Stop clients", async () => {
    const engine = new SelectServer();
    const fleet = new FleetController(nodeLauncher());
    const host = new LabHost(engine, fleet);
    cleanup.push(() => host.dispose());
    const started = await engine.start('127.0.0.1', 0);
    if (!started.ok) throw new Error(started.error.message);

    const { state, onBatch } = follow(host);
    const byId = (clients: ClientView[]) => JSON.stringify([...clients].sort((a, b) => a.id - b.id));

    const spec = { count: 3, behaviour: 'idle', messageSize: 8, intervalMs: 0, connectRate: 1000 };
    const spawned = await host.command('spawnClients', { ...spec, lifetimeMs: 0, reconnect: false });
    expect(spawned.ok).toBe(true);
    const allOpen = () =>
      state().clients.length === 3 &&
      state().clients.every((client) => client.state === 'open') &&
      byId(state().clients) === byId(fleet.clients());
    await waitUntil(allOpen, "the subscriber to see the fleet's three open clients", onBatch);

    expect(await host.command('stopClients', {})).toEqual({ ok: true, value: null });
    await waitUntil(() => state().clients.length === 0, 'the subscriber to see the clients removed', onBatch);
    expect(fleet.clients()).toEqual([]);
  });
});
