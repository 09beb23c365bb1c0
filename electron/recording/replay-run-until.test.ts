// @vitest-environment node
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BreakpointWatch, type Breakpoint } from '../../shared/breakpoints';
import type { HaltView } from '../../shared/engine';
import { Replay } from '../../shared/recording/replay';
import type { SelectServer } from '../lab/select-server';
import { connect, startEngine, waitFor } from '../lab/testing';
import { fileSource, tempDir } from './testing';
import { RecordingWriter } from './writer';

/**
 * Run until in a replay halts where Run until halted the live engine: the same iteration, the
 * same reason (a queue's size, a partial send's numbers), for each kind of breakpoint in turn.
 */
type Halted = { breakpoint: Breakpoint; halt: HaltView };

/** Arms Run until on the live engine, makes the traffic that meets it, and waits for the halt. */
async function liveRunUntil(
  server: SelectServer,
  breakpoint: Breakpoint,
  traffic: () => void = () => undefined,
): Promise<Halted> {
  expect(server.runUntil(breakpoint).ok).toBe(true);
  traffic();
  await waitFor(server, () => Boolean(server.snapshot().halt), `the halt at ${breakpoint.kind}`, 20_000);
  return { breakpoint, halt: server.snapshot().halt as HaltView };
}

/** The same breakpoints, in turn, from the recording's start: each met where the live loop halted. */
async function replayRunUntils(file: string, live: Halted[]): Promise<Replay> {
  const opened = await Replay.open(await fileSource(file));
  if (!opened.ok) throw new Error(opened.error.message);
  const replay = opened.value;
  for (const { breakpoint, halt } of live) {
    expect(await search(replay, breakpoint)).toEqual({ ok: true, value: { n: halt.n, reason: halt.reason } });
    // Halted right after the action that met it…
    expect(replay.frame(0).trail.length).toBeGreaterThan(0);
    // …where the live loop finished that iteration first: carry on from its end, as it did.
    expect((await replay.seek({ n: halt.n, done: 0 })).ok).toBe(true);
  }
  return replay;
}

/** Run until in a replay, to its answer, in the stretches the window would search in. */
async function search(replay: Replay, breakpoint: Breakpoint) {
  const watch = new BreakpointWatch(breakpoint);
  let found = await replay.runUntil(watch, 1000);
  while (found.ok && found.value === 'more') found = await replay.runUntil(watch, 1000);
  return found;
}

/**
 * Run until in a replay halts where Run until halted the live engine: the same iteration, the
 * same reason (a queue's size, a partial send's numbers), for each kind of breakpoint in turn.
 */
describe('Run until in a replay (issue 12)', () => {
  it('Safe: a queue passes N bytes, a socket enters outputs, iteration N', async () => {
    const { server, port } = await startEngine();
    const file = join(await tempDir(), 'safe.slrec.gz');
    const writer = await RecordingWriter.start(server, file, { snapshotEvery: 50 });
    if (!writer.ok) throw new Error(writer.error.message);
    const talker = await connect(port);
    const stuck = await connect(port);
    await waitFor(server, () => server.snapshot().connections.length === 2, 'two connections');
    // A reader that never reads: its queue grows.
    stuck.socket.pause();
    const live = [
      await liveRunUntil(server, { kind: 'queue', bytes: 4096, id: 2 }, () => {
        talker.socket.write(Buffer.alloc(64 * 1024));
        stuck.socket.write(Buffer.alloc(8 * 1024 * 1024));
      }),
      await liveRunUntil(server, { kind: 'enters', list: 'outputs', id: 1 }, () =>
        talker.socket.write('again'),
      ),
      await liveRunUntil(server, { kind: 'iteration', n: server.snapshot().iteration + 3 }, () => {
        for (let i = 0; i < 6; i++) talker.socket.write(`more ${i}`);
      }),
    ];
    const stopped = await writer.value.stop();
    if (!stopped.ok) throw new Error(stopped.error.message);
    talker.socket.destroy();
    stuck.socket.destroy();
    expect(live.map((l) => l.halt.reason)).toEqual([
      expect.stringMatching(/^#2's queue holds \d+ B \(run until #2's queue passes 4096 B\)$/),
      '#1 entered outputs (run until #1 enters outputs)',
      expect.stringMatching(/^iteration \d+ called select\(\)/),
    ]);
    const replay = await replayRunUntils(file, live);
    // Past the last halt, nothing more to meet: the end of the file, said as such.
    expect(await search(replay, { kind: 'enters', list: 'exceptional' })).toEqual({ ok: true, value: 'end' });
    replay.close();
  }, 60_000);

  it('Tutorial: a partial send loses the rest, then a reset crashes the original', async () => {
    const { server, port } = await startEngine({}, 'tutorial');
    const file = join(await tempDir(), 'tutorial.slrec.gz');
    const writer = await RecordingWriter.start(server, file, { snapshotEvery: 50 });
    if (!writer.ok) throw new Error(writer.error.message);
    const stuck = await connect(port);
    stuck.socket.pause();
    const partial = await liveRunUntil(server, { kind: 'partial-send' }, () =>
      stuck.socket.write(Buffer.alloc(16 * 1024 * 1024)),
    );
    // It goes with bytes unread: a reset, which the original does not catch.
    stuck.socket.destroy();
    const crash = await liveRunUntil(server, { kind: 'crash' });
    await writer.value.stop();
    expect(partial.halt.reason).toMatch(/^#1: send\(\) wrote \d+ of \d+ B; the seed ignores the rest/);
    expect(crash.halt.reason).toMatch(/^the original would crash here: ConnectionResetError on #1/);
    const replay = await replayRunUntils(file, [partial, crash]);
    replay.close();
  }, 60_000);
});
