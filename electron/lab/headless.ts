/**
 * `npm run server`: the engine in Run mode with no window, logging each
 * action like the tutorial's prints (text) or each iteration record (jsonl).
 */
import { formatIteration } from '../../shared/format';
import { startRecording, type HeadlessRecording } from '../recording/headless-recording';
import { parseSettings, USAGE } from './headless-args';
import { SelectServer } from './select-server';

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  if ('help' in settings) {
    console.log(USAGE);
    return;
  }
  if ('error' in settings) {
    console.error(`${settings.error}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const server = new SelectServer({}, settings.fidelity);
  const options = server.setOptions(settings.options);
  if (!options.ok) {
    console.error(`${options.error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (settings.log === 'text')
    server.on('iteration', (record) => process.stdout.write(`${formatIteration(record).join('\n')}\n`));
  if (settings.log === 'jsonl')
    server.on('iteration', (record) => process.stdout.write(`${JSON.stringify(record)}\n`));
  server.on('notice', (notice) => console.error(`${notice.level}: ${notice.message}`));
  const started = await server.start(settings.host, settings.port);
  if (!started.ok) {
    console.error(started.error.message);
    process.exitCode = 1;
    return;
  }
  let recording: HeadlessRecording | null = null;
  if (settings.record !== undefined) {
    const recorder = await startRecording(server, settings.record);
    if (!recorder.ok) {
      console.error(recorder.error.message);
      await server.stop();
      process.exitCode = 1;
      return;
    }
    recording = recorder.value;
  }
  const { backlog, recvSize, noDelay, stopOnCrash } = options.value;
  const extras = [noDelay ? 'TCP_NODELAY' : '', stopOnCrash ? 'stops on a crash' : ''].filter(Boolean);
  console.error(
    `Socket Lab echo server listening on ${started.value.address} (${settings.fidelity} mode, listen(${backlog}), recv(${recvSize})${extras.map((e) => `, ${e}`).join('')}). Ctrl-C stops it.`,
  );
  if (recording) console.error(`Recording to ${settings.record}. Ctrl-C ends it.`);
  // A crash that stops the server ends the program, as the original's would (exit 3: not a usage error).
  server.on('state', () => {
    if (server.snapshot().server.state !== 'crashed') return;
    console.error(`Crashed: ${server.snapshot().server.error ?? 'the original would have died here'}`);
    void (recording?.finish('server-crashed') ?? Promise.resolve()).then(() => process.exit(3));
  });
  const stop = (): void => {
    // The recording's end line first: the server stopping would end it as "server-stopped".
    void (recording?.finish('stopped') ?? Promise.resolve())
      .then(() => server.stop())
      .then(() => {
        console.error('Stopped.');
        process.exit(0);
      });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
