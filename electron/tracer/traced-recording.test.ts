// @vitest-environment node
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Replay } from '../../shared/recording/replay';
import { connect, waitUntil } from '../lab/testing';
import { kernelHas } from '../lab/testing-kernel';
import { fileSource, tempDir } from '../recording/testing';
import { RecordingWriter } from '../recording/writer';
import { python3, seedFile } from './testing';
import { TracedServer } from './traced-server';

const hasPython = python3() !== null;
const servers: TracedServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

describe.skipIf(!hasPython)('a watched program, recorded and replayed (issues 12 and 13)', () => {
  it('the real seed until its KeyError: every line of the file valid, the replay ends where it died', async () => {
    const path = seedFile();
    const server = new TracedServer({ args: [path] });
    servers.push(server);
    server.setMode('step');
    expect((await server.start()).ok).toBe(true);
    await waitUntil(() => server.snapshot().server.state === 'listening', 'the program to listen');
    const file = join(await tempDir(), 'seed.slrec.gz');
    const writer = await RecordingWriter.start(server, file, { snapshotEvery: 2 });
    if (!writer.ok) throw new Error(writer.error.message);

    const polite = await connect(server.snapshot().server.port);
    await waitUntil(() => server.snapshot().pending?.readable.includes(0) ?? false, 'the first connection');
    await server.step();
    polite.socket.write('ping');
    await server.step();
    await server.step();
    // The half-closing client kills it: bytes and FIN arrive together while it is halted.
    const fatal = await connect(server.snapshot().server.port);
    await kernelHas(fatal.socket, 'the SYN');
    await server.step();
    fatal.socket.end('hello');
    await kernelHas(fatal.socket);
    server.setMode('run');
    await waitUntil(() => server.snapshot().server.state === 'crashed', 'the seed to die');
    await waitUntil(() => !writer.value.active, 'the recording to end with the crash');
    expect((await writer.value.stop()).ok).toBe(true); // the same end, once written

    const opened = await Replay.open(await fileSource(file));
    if (!opened.ok) throw new Error(opened.error.message);
    const replay = opened.value;
    expect(replay.catalog.warnings).toEqual([]); // it has its end line, and every line was valid
    expect(replay.catalog.header?.producer).toBe('tracer');
    const start = replay.frame(0).engine.program;
    expect(start?.file?.text).toContain('select.select(inputs, outputs, inputs)');

    const actions = [];
    for (;;) {
      const step = await replay.step(); // block after block, each from its snapshot
      if (!step.ok) throw new Error(step.error.message);
      if (!step.value) break;
      actions.push(...step.value.actions);
    }
    expect(actions.filter((a) => a.kind === 'accept')).toHaveLength(2);
    expect(
      actions.filter((a) => a.kind === 'send').reduce((sum, a) => sum + (a.kind === 'send' ? a.sent : 0), 0),
    ).toBe(4);
    expect(actions.at(-1)).toMatchObject({ kind: 'crash', exception: 'KeyError' });
    const frame = replay.frame(0);
    expect(frame.engine.iteration).toBe(server.snapshot().iteration);
    expect(frame.engine.totals).toEqual(server.snapshot().totals);
  });
});
