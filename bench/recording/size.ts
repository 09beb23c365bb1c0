/**
 * `npm run bench:recording -- [--minutes 10] [--clients 100] [--rate 10] [--size 1024] [--until-mb N] [--out FILE]`:
 * records a real session — the engine, and the client fleet echoing `rate` messages a second
 * each — and prints what the recording weighs: compressed on disk, and as plain JSON lines.
 * Not a test: it takes as long as it is asked to. `--until-mb` stops at that size instead
 * (to make a large recording for the open-time measurement).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { FleetController } from '../../electron/fleet/controller';
import { nodeLauncher } from '../../electron/fleet/node-launcher';
import { SelectServer } from '../../electron/lab/select-server';
import { RecordingWriter } from '../../electron/recording/writer';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    clients: { type: 'string', default: '100' },
    rate: { type: 'string', default: '10' },
    size: { type: 'string', default: '1024' },
    'until-mb': { type: 'string' },
    out: { type: 'string' },
  },
});
const minutes = Number(values.minutes);
const clients = Number(values.clients);
const rate = Number(values.rate);
const size = Number(values.size);
const untilBytes = values['until-mb'] ? Number(values['until-mb']) * 1e6 : null;
const out = values.out ?? join(tmpdir(), `socket-lab-size-${process.pid}.slrec.gz`);
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** The plain JSON lines' size: the file decompressed, streamed. */
async function rawSize(path: string): Promise<number> {
  let bytes = 0;
  for await (const chunk of createReadStream(path).pipe(createGunzip())) bytes += (chunk as Buffer).length;
  return bytes;
}

const server = new SelectServer({ backlog: 511 });
const started = await server.start('127.0.0.1', 0);
if (!started.ok) throw new Error(started.error.message);
const writer = await RecordingWriter.start(server, out);
if (!writer.ok) throw new Error(writer.error.message);
const fleet = new FleetController(nodeLauncher());
const spawn = {
  count: clients,
  behaviour: 'echo' as const,
  messageSize: size,
  intervalMs: Math.round(1000 / rate),
};
await fleet.spawn(
  { ...spawn, connectRate: 1000, lifetimeMs: 0, reconnect: false },
  { host: '127.0.0.1', port: started.value.port },
);
console.log(
  `Recording ${clients} clients echoing ${rate} messages of ${size} B a second ` +
    (untilBytes ? `until the file reaches ${mb(untilBytes)}` : `for ${minutes} minutes`) +
    ` to ${out}.`,
);
const began = Date.now();
for (;;) {
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const { iterations, bytes } = writer.value.progress;
  const elapsed = (Date.now() - began) / 1000;
  console.log(
    `  ${elapsed.toFixed(0)} s: ${iterations.toLocaleString('en')} iterations, ${mb(bytes)} on disk` +
      (writer.value.diskThread === 'normal'
        ? ' (the idle disk thread starved: one at a fair share writes)'
        : ''),
  );
  if (untilBytes ? bytes >= untilBytes : elapsed >= minutes * 60) break;
}
const seconds = (Date.now() - began) / 1000;
const summary = fleet.summary();
await fleet.dispose();
const done = await writer.value.stop();
await server.stop();
if (!done.ok) throw new Error(done.error.message);
const compressed = (await stat(out)).size;
const raw = await rawSize(out);
console.log(
  `\n${(seconds / 60).toFixed(1)} minutes, ${done.value.iterations.toLocaleString('en')} iterations ` +
    `(${(done.value.iterations / seconds).toFixed(0)}/s), ${(summary.roundTrips ?? 0).toLocaleString('en')} echoes verified.\n` +
    `Recording: ${mb(compressed)} gzip-compressed (${mb(raw)} as plain JSON lines, ${(raw / compressed).toFixed(1)}×).\n` +
    `Per 10 minutes at this rate: ${mb((compressed / seconds) * 600)} compressed, ${mb((raw / seconds) * 600)} plain.`,
);
process.exit(0);
