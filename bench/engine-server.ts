/**
 * The engine as the bench runs it, in its own process: Run mode, Safe
 * fidelity, records on, every iteration record consumed by a listener.
 * argv[2]: JSON of EngineOptions overrides (noDelay, recvSize…); argv[3]: a file to record
 * to, as the window's Record does (measured against the same case without).
 */
import type { EngineOptions } from '../shared/engine';
import { SelectServer as LabServer } from '../electron/lab/select-server';
import { RecordingWriter } from '../electron/recording/writer';
import type { FromServer, ToServer } from './protocol';

function send(message: FromServer): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as Partial<EngineOptions>;
  // BENCH_ENGINE=/path/to/select-server.ts measures a candidate engine (a changed copy) in the same harness.
  const candidate = process.env.BENCH_ENGINE;
  const SelectServer = candidate
    ? ((await import(candidate)) as { SelectServer: typeof LabServer }).SelectServer
    : LabServer;
  if (candidate) console.error(`bench: engine from ${candidate}`);
  // Node's own backlog (511), as the plain Node server has: the engine is measured, not listen(5).
  const server = new SelectServer({ backlog: 511, ...options }, 'safe');
  let records = 0;
  let actions = 0;
  // Reading every record is the point: the window gets each one, so the bench pays for each one.
  server.on('iteration', (record) => {
    records++;
    actions += record.actions.length;
  });
  server.on('notice', (notice) => console.error(`${notice.level}: ${notice.message}`));
  const started = await server.start('127.0.0.1', 0);
  if (!started.ok) {
    console.error(started.error.message);
    process.exit(1);
  }
  const recordTo = process.argv[3];
  const writer = recordTo ? await RecordingWriter.start(server, recordTo) : null;
  if (writer && !writer.ok) {
    console.error(writer.error.message);
    process.exit(1);
  }
  const recorder = writer?.value ?? null;
  // Measured from when the disk thread has started: its start-up (an isolate, its code) is once per recording.
  await recorder?.ready;
  process.on('message', (message: ToServer) => {
    if (message.type === 'stats')
      send({
        type: 'stats',
        records,
        actions,
        ...(recorder ? { recordedBytes: recorder.progress.bytes } : {}),
      });
    else void (recorder?.stop() ?? Promise.resolve()).then(() => server.stop()).then(() => process.exit(0));
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port: started.value.port });
}

void main();
