// @vitest-environment node
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConnectionDetail, EngineSnapshot, Fidelity } from '../../shared/engine';
import type { Result } from '../../shared/result';
import { applyDelta } from '../../shared/delta';
import { Replay } from '../../shared/recording/replay';
import { replayDelta, replaySnapshot } from '../../shared/recording/frames';
import { spec, startFleet, waitForFleet } from '../fleet/testing';
import { connect, random, startEngine, waitFor } from '../lab/testing';
import { determined, fileSource, tempDir } from './testing';
import { RecordingWriter } from './writer';

const KiB = 1024;

/** A connection's queued message sizes, as the connection panel lists them. */
const sizesOf = (detail: Result<ConnectionDetail>): number[] =>
  detail.ok ? detail.value.queue.map((m) => m.bytes) : [];

/** Records a live engine under a mixed fleet; returns the file and the engine's own state after each iteration. */
async function recordSession(fidelity: Fidelity) {
  const { server, port } = await startEngine({}, fidelity);
  // Record from part way through a run, as the window's Record does: the file starts at a snapshot.
  const early = await connect(port);
  early.socket.write('before the recording');
  await early.receivedAtLeast(20);
  await waitFor(server, () => server.snapshot().outputs.length === 0, 'the echo finished');
  const startsAfter = server.snapshot().iteration;
  expect(startsAfter).toBeGreaterThan(0);
  const file = join(await tempDir(), 'session.slrec.gz');
  const seen = new Map<number, EngineSnapshot>();
  const queues = new Map<number, Map<number, number[]>>();
  server.on('iteration', (record) => {
    const snapshot = server.snapshot();
    seen.set(record.n, snapshot);
    queues.set(record.n, new Map(snapshot.connections.map((c) => [c.id, sizesOf(server.inspect(c.id))])));
  });
  const writer = await RecordingWriter.start(server, file, { snapshotEvery: 7 });
  if (!writer.ok) throw new Error(writer.error.message);
  const fleet = startFleet();
  const target = { host: '127.0.0.1', port };
  await fleet.spawn(spec({ count: 3, behaviour: 'echo', messageSize: 300, intervalMs: 5 }), target);
  await fleet.spawn(spec({ behaviour: 'burst', messageSize: 20 * KiB }), target);
  await fleet.spawn(spec({ behaviour: 'half-close', messageSize: 3000 }), target);
  await fleet.spawn(spec({ behaviour: 'reset', messageSize: 100 }), target);
  await waitForFleet(fleet, () => (fleet.summary().roundTrips ?? 0) >= 40, 'forty echoes');
  await fleet.stopAll();
  early.socket.end();
  await waitFor(server, () => server.snapshot().connections.length === 0, 'every connection closed');
  const stopped = await writer.value.stop();
  if (!stopped.ok) throw new Error(stopped.error.message);
  return { file, seen, queues, iterations: stopped.value.iterations, startsAfter };
}

describe('a recording reaches every state the live engine had (issue 12)', () => {
  for (const fidelity of ['safe', 'tutorial'] as const) {
    it(`${fidelity}: seek anywhere, step forward, step back: the same lists, queues and counters`, async () => {
      const { file, seen, queues, iterations, startsAfter } = await recordSession(fidelity);
      const opened = await Replay.open(await fileSource(file));
      if (!opened.ok) throw new Error(opened.error.message);
      const replay = opened.value;
      expect(replay.catalog.warnings).toEqual([]);
      expect(replay.first).toBe(startsAfter);
      expect(replay.last - replay.first).toBe(iterations);
      expect(replay.catalog.blocks.length).toBeGreaterThan(3);
      const expectAt = (n: number): void => {
        const live = seen.get(n);
        if (!live) return;
        expect(determined(replay.frame(500).engine), `iteration ${n}`).toEqual(determined(live));
        for (const [id, sizes] of queues.get(n) ?? [])
          expect(sizesOf(replay.inspect(id)), `#${id} at ${n}`).toEqual(sizes);
      };
      // Forward, one Step at a time. The window gets each step as a batch (shared/recording/frames.ts), or a
      // fresh snapshot where the step entered another block: the batches add up to the same state.
      replay.takeChanges();
      let shown = replaySnapshot(replay, 'step', 500).snapshot;
      for (let n = replay.first + 1; n <= replay.last; n++) {
        const stepped = await replay.step();
        expect(stepped.ok && stepped.value?.n).toBe(n);
        expectAt(n);
        if (!stepped.ok || !stepped.value) continue;
        if (replay.jumped) {
          replay.jumped = false;
          replay.takeChanges();
          shown = replaySnapshot(replay, 'step', 500).snapshot;
        } else shown = applyDelta(shown, replayDelta(replay, n, 'step', [stepped.value]));
        expect(determined(shown.engine), `batches at ${n}`).toEqual(determined(replay.frame(0).engine));
      }
      // Back, one Step back at a time: each a seek from the nearest snapshot.
      for (let n = replay.last - 1; n >= replay.first; n--) {
        expect(await replay.back()).toEqual({ ok: true, value: { n, done: 0 } });
        expectAt(n);
      }
      // Anywhere, in any order.
      const next = random(12);
      for (let i = 0; i < 60; i++) {
        const n = replay.first + Math.floor(next() * (replay.last - replay.first + 1));
        await replay.seek({ n, done: 0 });
        expectAt(n);
      }
    });
  }
});
