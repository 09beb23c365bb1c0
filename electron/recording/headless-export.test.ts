// @vitest-environment node
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { Replay } from '../../shared/recording/replay';
import { connect } from '../lab/testing';
import type { TraceEvent } from './export/trace-events';
import { determined, fileSource, tempDir } from './testing';

const tsx = (script: string, args: string[]) =>
  spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });

/** Runs `npm run server -- --record FILE --log jsonl` for real: three clients echo, then Ctrl-C. */
async function headlessSession(dir: string): Promise<{ recording: string; log: string }> {
  const recording = join(dir, 'session.slrec.gz');
  const log = join(dir, 'server.jsonl');
  const child = tsx('electron/lab/headless.ts', ['--port', '0', '--log', 'jsonl', '--record', recording]);
  const stdout = createWriteStream(log);
  child.stdout.pipe(stdout);
  const written = once(stdout, 'finish');
  // Lines in order, none lost between two awaits.
  const stderr = createInterface({ input: child.stderr })[Symbol.asyncIterator]();
  const line = async (): Promise<string> => String((await stderr.next()).value);
  const port = Number(/listening on 127\.0\.0\.1:(\d+)/.exec(await line())?.[1]);
  expect(await line()).toBe(`Recording to ${recording}. Ctrl-C ends it.`);
  const clients = await Promise.all([connect(port), connect(port), connect(port)]);
  for (const [i, client] of clients.entries()) {
    client.socket.end(`hello from ${i}, `.repeat(200));
    expect((await client.ended).toString()).toBe(`hello from ${i}, `.repeat(200));
  }
  const exited = once(child, 'exit');
  child.kill('SIGINT');
  const finished = [await line(), await line()];
  const [code] = (await exited) as [number];
  expect(code).toBe(0);
  await written;
  expect(finished).toEqual([
    expect.stringMatching(new RegExp(`^Recorded \\d+ iterations to ${recording} \\(\\d+\\.\\d MB\\)\\.$`)),
    'Stopped.',
  ]);
  return { recording, log };
}

async function replayOf(path: string): Promise<Replay> {
  const replay = await Replay.open(await fileSource(path));
  if (!replay.ok) throw new Error(replay.error.message);
  return replay.value;
}

/** What Perfetto needs to hold: events with a phase, a process and a track; slices that nest on each track. */
function checkTrace(trace: { traceEvents: TraceEvent[] }): void {
  expect(Array.isArray(trace.traceEvents)).toBe(true);
  const slices = new Map<number, TraceEvent[]>();
  for (const event of trace.traceEvents) {
    expect(['X', 'i', 'C', 'M']).toContain(event.ph);
    expect(typeof event.name).toBe('string');
    expect(Number.isInteger(event.pid) && Number.isInteger(event.tid)).toBe(true);
    if (event.ph === 'M') continue;
    expect(event.ts).toBeGreaterThanOrEqual(0);
    if (event.ph === 'i') expect(event.s).toBe('t');
    if (event.ph === 'X') {
      expect(event.dur).toBeGreaterThan(0);
      slices.set(event.tid, [...(slices.get(event.tid) ?? []), event]);
    }
  }
  // Complete events on one track must nest or follow each other, never overlap partly.
  for (const [tid, list] of slices) {
    const sorted = [...list].sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0) || (b.dur ?? 0) - (a.dur ?? 0));
    const stack: number[] = [];
    for (const slice of sorted) {
      const start = slice.ts ?? 0;
      while (stack.length > 0 && (stack.at(-1) ?? 0) <= start) stack.pop();
      const end = start + (slice.dur ?? 0);
      expect(stack.length === 0 || end <= (stack.at(-1) ?? 0), `track ${tid}: ${slice.name} overlaps`).toBe(
        true,
      );
      stack.push(end);
    }
  }
}

describe('the headless server records, and its --log jsonl opens the same way (issue 12)', () => {
  it('--record FILE and --log jsonl from one run: both open, and end in the same state', async () => {
    const dir = await tempDir();
    const { recording, log } = await headlessSession(dir);
    const recorded = await replayOf(recording);
    expect(recorded.catalog).toMatchObject({
      kind: 'recording',
      warnings: [],
      header: { producer: 'engine' },
    });
    const logged = await replayOf(log);
    expect(logged.catalog).toMatchObject({ kind: 'log', warnings: [], header: null });
    // The log has no snapshots: the lab rebuilds the state from the start, and reaches the same one.
    expect(logged.first).toBe(0);
    expect(logged.last).toBe(recorded.last);
    await logged.seek({ n: logged.last, done: 0 });
    expect(logged.frame(500).engine.totals).toMatchObject({ accepted: 3, closed: 3, bytesIn: 3 * 200 * 14 });
    for (const n of [recorded.last, Math.floor(recorded.last / 2), 1]) {
      await recorded.seek({ n, done: 0 });
      await logged.seek({ n, done: 0 });
      expect(determined(logged.frame(500).engine), `iteration ${n}`).toEqual(
        determined(recorded.frame(500).engine),
      );
    }
  });

  it('npm run export -- --format perfetto: trace-event JSON with a track for the loop and one per socket', async () => {
    const dir = await tempDir();
    const { recording, log } = await headlessSession(dir);
    for (const input of [recording, log]) {
      const output = join(dir, `${input.endsWith('.gz') ? 'recording' : 'log'}.trace.json`);
      const child = tsx('electron/recording/export/cli.ts', ['--format', 'perfetto', input, output]);
      let printed = '';
      child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
      const [code] = (await once(child, 'exit')) as [number];
      expect(code).toBe(0);
      expect(printed).toMatch(
        /^Wrote .*: \d+ iterations, 3 socket tracks, [\d,]+ events\. Open it in https:\/\/ui\.perfetto\.dev\n$/,
      );
      const trace = JSON.parse(await readFile(output, 'utf8')) as { traceEvents: TraceEvent[] };
      checkTrace(trace);
      const tracks = trace.traceEvents.filter((e) => e.name === 'thread_name').map((e) => e.args?.name);
      expect(tracks).toEqual([
        'select() loop',
        '#0 listening socket',
        expect.stringMatching(/^#1 127\.0\.0\.1:\d+ \(fd \d+\)$/),
        expect.stringMatching(/^#2 127\.0\.0\.1:\d+ \(fd \d+\)$/),
        expect.stringMatching(/^#3 127\.0\.0\.1:\d+ \(fd \d+\)$/),
      ]);
      const replay = await replayOf(input);
      const iterations = trace.traceEvents.filter((e) => e.ph === 'X' && e.name.startsWith('iteration '));
      expect(iterations).toHaveLength(replay.last - replay.first);
      expect(trace.traceEvents.some((e) => e.ph === 'X' && e.name === 'select() waits' && e.tid === 0)).toBe(
        true,
      );
      expect(trace.traceEvents.filter((e) => e.ph === 'X' && e.name.startsWith('connection #'))).toHaveLength(
        3,
      );
      expect(new Set(trace.traceEvents.filter((e) => e.ph === 'C').map((e) => e.name))).toEqual(
        new Set(['connections', 'queued bytes']),
      );
    }
  });

  it("npm run export refuses a bad file with the reader's own message", async () => {
    const dir = await tempDir();
    const child = tsx('electron/recording/export/cli.ts', [
      '--format',
      'perfetto',
      join(dir, 'none.slrec.gz'),
      join(dir, 'out.json'),
    ]);
    let printed = '';
    child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(1);
    expect(printed).toBe(`There is no file ${join(dir, 'none.slrec.gz')}.\n`);
  });
});
