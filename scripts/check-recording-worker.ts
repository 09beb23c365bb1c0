/**
 * The desktop app records with the built out/main/recording-worker.js, not the TypeScript the
 * tests run. After a build, record a short real session with that file as the disk thread and
 * read the recording back with the lab's own reader: a bundling mistake, or a thread that
 * speaks an older protocol, fails here instead of in a user's Record.
 */
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Replay } from '../shared/recording/replay';
import { SelectServer } from '../electron/lab/select-server';
import { fileSource } from '../electron/recording/file-source';
import { RecordingWriter } from '../electron/recording/writer';

const ECHOES = 20;

async function check(file: string): Promise<string | null> {
  const code = pathToFileURL(join(import.meta.dirname, '../out/main/recording-worker.js'));
  const server = new SelectServer();
  const started = await server.start('127.0.0.1', 0);
  if (!started.ok) return started.error.message;
  try {
    const writer = await RecordingWriter.start(server, file, { workerCode: code });
    if (!writer.ok) return writer.error.message;
    await writer.value.ready;
    const client = connect(started.value.port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      let echoed = 0;
      client.on('data', (data) => {
        echoed += data.length;
        if (echoed >= ECHOES * 5) resolve();
      });
      client.on('error', reject);
      for (let i = 0; i < ECHOES; i++) client.write('echo!');
    });
    client.destroy();
    const stopped = await writer.value.stop();
    if (!stopped.ok) return stopped.error.message;
    const source = await fileSource(file);
    if (!source.ok) return source.error.message;
    const opened = await Replay.open(source.value);
    if (!opened.ok) return opened.error.message;
    const replay = opened.value;
    let steps = 0;
    for (let step = await replay.step(); step.ok && step.value; step = await replay.step()) steps++;
    replay.close();
    const problems = [...replay.catalog.warnings, ...replay.problems];
    if (problems.length > 0) return problems.join(' ');
    if (steps !== stopped.value.iterations || steps === 0)
      return `the file holds ${steps} iterations, the writer recorded ${stopped.value.iterations}`;
    return null;
  } finally {
    await server.stop();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'socket-lab-worker-check-'));
// A thread that never answers would leave Stop waiting: a deadline instead.
const deadline = setTimeout(() => {
  rmSync(dir, { recursive: true, force: true });
  console.error('out/main/recording-worker.js did not finish a recording within 30 s.');
  process.exit(1);
}, 30_000);
deadline.unref();
try {
  const problem = await check(join(dir, 'check.slrec.gz'));
  if (problem !== null) {
    console.error(`out/main/recording-worker.js did not record a session: ${problem}`);
    process.exitCode = 1;
  } else {
    console.log('out/main/recording-worker.js records a session the lab reads back whole.');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
