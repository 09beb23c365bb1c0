// @vitest-environment node
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Replay } from '../../shared/recording/replay';
import { connect, startEngine, waitFor } from '../lab/testing';
import { fileSource, tempDir } from './testing';
import { Recordings } from './recordings';
import { RecordingWriter } from './writer';

/**
 * On a machine other programs keep busy, the idle-priority disk thread may never run. The
 * recording carries on anyway: a thread at a fair share takes over from where the file was
 * whole, and every record reaches it.
 */
/** Records a few echoing clients with an idle thread that starves after `starveAfter` messages. */
async function recordStarving(starveAfter: number) {
  const { server, port } = await startEngine();
  const file = join(await tempDir(), 'starved.slrec.gz');
  const writer = await RecordingWriter.start(server, file, {
    snapshotEvery: 40,
    flushMs: 100,
    starveIdleThreadAfter: starveAfter,
    starvedAfterMs: 400,
  });
  if (!writer.ok) throw new Error(writer.error.message);
  const clients = await Promise.all(Array.from({ length: 4 }, () => connect(port)));
  const talk = setInterval(() => clients.forEach((c, i) => c.socket.write(`message from ${i}\n`)), 5);
  try {
    if (starveAfter > 0)
      await waitFor(server, () => writer.value.progress.bytes > 0, 'the idle thread to write');
    await waitFor(server, () => writer.value.diskThread === 'normal', 'the handover', 10_000);
    // Once starved, the idle thread writes nothing more: the thread that took over does.
    const before = writer.value.progress.bytes;
    await waitFor(server, () => writer.value.progress.bytes > before, 'the file to grow after the handover');
    await new Promise((resolve) => setTimeout(resolve, 200));
  } finally {
    clearInterval(talk);
  }
  const stopped = await writer.value.stop();
  if (!stopped.ok) throw new Error(stopped.error.message);
  clients.forEach((c) => c.socket.destroy());
  return { file, iterations: stopped.value.iterations };
}

describe('a recording whose disk thread starves', () => {
  for (const [when, starveAfter] of [
    ['from the start', 0],
    ['part way, after writing some members', 12],
  ] as const) {
    it(`${when}: a thread at a fair share takes over, and every iteration reaches the file once, in order`, async () => {
      const { file, iterations } = await recordStarving(starveAfter);
      const opened = await Replay.open(await fileSource(file));
      if (!opened.ok) throw new Error(opened.error.message);
      const replay = opened.value;
      // Whole, to its end line: no member cut, none missing.
      expect(replay.catalog.warnings).toEqual([]);
      expect(replay.catalog.end?.reason).toBe('stopped');
      const seen: number[] = [];
      for (let step = await replay.step(); step.ok && step.value; step = await replay.step())
        seen.push(step.value.n);
      expect(seen.length).toBe(iterations);
      expect(seen.length).toBeGreaterThan(20);
      seen.forEach((n, i) => expect(n).toBe(replay.first + i + 1));
      replay.close();
    }, 30_000);
  }

  it('the window is told: the Record status says the machine is busy, and the recording ends whole', async () => {
    const { server, port } = await startEngine();
    const recordings = new Recordings(server, await tempDir(), {
      starveIdleThreadAfter: 0,
      starvedAfterMs: 300,
    });
    expect((await recordings.start()).ok).toBe(true);
    expect(recordings.status().active?.busy).toBeUndefined();
    const client = await connect(port);
    client.socket.write('while the machine is busy');
    await waitFor(server, () => recordings.status().active?.busy === true, 'the busy status', 10_000);
    const stopped = await recordings.stop();
    expect(stopped.ok && stopped.value.last).toMatchObject({ error: null });
    client.socket.destroy();
  }, 30_000);

  it('stopped while starved: Stop still finishes the file, through the thread that takes over', async () => {
    const { server, port } = await startEngine();
    const file = join(await tempDir(), 'stopped-starved.slrec.gz');
    const writer = await RecordingWriter.start(server, file, {
      starveIdleThreadAfter: 0,
      starvedAfterMs: 300,
    });
    if (!writer.ok) throw new Error(writer.error.message);
    const client = await connect(port);
    client.socket.write('one message, then Stop');
    await client.receivedAtLeast(22);
    expect(writer.value.progress.bytes).toBe(0);
    const stopped = await writer.value.stop();
    if (!stopped.ok) throw new Error(stopped.error.message);
    expect(writer.value.diskThread).toBe('normal');
    client.socket.destroy();
    const opened = await Replay.open(await fileSource(file));
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.catalog.warnings).toEqual([]);
    expect(opened.value.last).toBe(stopped.value.iterations + opened.value.first);
    opened.value.close();
  }, 30_000);
});
