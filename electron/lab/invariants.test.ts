// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineSnapshot, Fidelity } from '../../shared/engine';
import type { SelectServer } from './select-server';
import { connect, payload, random, startEngine, waitFor, type Client } from './testing';

type Op =
  | { t: 'connect' }
  | { t: 'send'; client: number; size: number }
  | { t: 'half-close'; client: number }
  | { t: 'reset'; client: number }
  | { t: 'step'; times: number }
  | { t: 'step-action'; times: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constant<Op>({ t: 'connect' }),
  fc.record({
    t: fc.constant('send' as const),
    client: fc.nat(5),
    size: fc.integer({ min: 1, max: 40_000 }),
  }),
  fc.record({ t: fc.constant('half-close' as const), client: fc.nat(5) }),
  fc.record({ t: fc.constant('reset' as const), client: fc.nat(5) }),
  fc.record({ t: fc.constant('step' as const), times: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ t: fc.constant('step-action' as const), times: fc.integer({ min: 1, max: 10 }) }),
);

const caps = { queueCap: 8 * 1024, totalQueueCap: 16 * 1024 };

function checkInvariants(snapshot: EngineSnapshot, fidelity: Fidelity): void {
  const open = new Set(snapshot.connections.map((c) => c.id));
  expect(snapshot.inputs[0]).toBe(0);
  for (const id of snapshot.outputs)
    expect(open.has(id), `outputs holds #${id}, which is not open`).toBe(true);
  for (const id of snapshot.inputs.slice(1))
    expect(open.has(id), `inputs holds #${id}, which has no queue`).toBe(true);
  let total = 0;
  for (const c of snapshot.connections) {
    expect(c.queuedBytes).toBeLessThanOrEqual(caps.queueCap);
    total += c.queuedBytes;
    // Safe mode conserves bytes between iterations: what was read is either sent or still queued.
    // (Mid-iteration, a recv()ed message may not be put yet, or a got one not sent yet.)
    if (fidelity === 'safe' && snapshot.cursor === null)
      expect(c.bytesIn, `#${c.id}`).toBe(c.bytesOut + c.queuedBytes);
  }
  expect(total).toBeLessThanOrEqual(caps.totalQueueCap);
}

function isReady(server: SelectServer): boolean {
  const pending = server.pending();
  return (
    pending !== null && pending.readable.length + pending.writable.length + pending.exceptional.length > 0
  );
}

interface Peer {
  client: Client;
  sent: Buffer[];
  halfClosed: boolean;
  reset: boolean;
}

async function play(
  server: SelectServer,
  port: number,
  ops: Op[],
  fidelity: Fidelity,
  seed: number,
): Promise<Peer[]> {
  const next = random(seed);
  const peers: Peer[] = [];
  for (const o of ops) {
    const peer = 'client' in o ? peers[o.client % Math.max(1, peers.length)] : undefined;
    switch (o.t) {
      case 'connect':
        if (peers.length < 6)
          peers.push({ client: await connect(port), sent: [], halfClosed: false, reset: false });
        break;
      case 'send':
        if (peer && !peer.halfClosed && !peer.reset) {
          const data = payload(o.size, next);
          peer.sent.push(data);
          peer.client.socket.write(data);
        }
        break;
      case 'half-close':
        if (peer && !peer.reset && !peer.halfClosed) {
          peer.halfClosed = true;
          peer.client.socket.end();
        }
        break;
      case 'reset':
        if (peer && !peer.reset) {
          peer.reset = true;
          peer.client.socket.resetAndDestroy();
        }
        break;
      case 'step':
      case 'step-action':
        // Give the network a moment to deliver what the clients did, so steps have work to do.
        await waitFor(server, () => isReady(server), 'a ready socket', 30).catch(() => undefined);
        for (let i = 0; i < o.times; i++) {
          const result = o.t === 'step' ? await server.step() : await server.stepAction();
          if (!result.ok) expect(result.error.code).toBe('NOTHING_READY');
          checkInvariants(server.snapshot(), fidelity);
        }
        break;
    }
  }
  return peers;
}

describe('invariants under random interleavings', () => {
  it('hold after every step, and Safe mode echoes every byte of every client that stays', async () => {
    const stats = { bytes: 0, closed: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 30 }),
        fc.constantFrom<Fidelity>('safe', 'tutorial'),
        fc.nat(),
        async (ops, fidelity, seed) => {
          const { server, port } = await startEngine(caps, fidelity);
          server.setMode('step');
          const peers = await play(server, port, ops, fidelity, seed);
          server.setMode('run');
          const staying = peers.filter((p) => !p.reset);
          for (const p of staying) if (!p.halfClosed) p.client.socket.end();
          const echoed = await Promise.all(staying.map((p) => p.client.ended));
          checkInvariants(server.snapshot(), fidelity);
          if (fidelity === 'safe') {
            for (const [i, p] of staying.entries())
              expect(echoed[i]?.equals(Buffer.concat(p.sent))).toBe(true);
          }
          stats.bytes += server.snapshot().totals.bytesIn;
          stats.closed += server.snapshot().totals.closed;
          await server.stop();
        },
      ),
      { numRuns: 30 },
    );
    // The interleavings did real work: bytes flowed and connections closed through the loop.
    expect(stats.bytes).toBeGreaterThan(0);
    expect(stats.closed).toBeGreaterThan(0);
  }, 120_000);
});
