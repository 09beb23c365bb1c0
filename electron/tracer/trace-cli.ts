/**
 * `npm run trace -- [flags] python3 server.py [args…]`: a real Python program under the
 * lab's tracer, shown in the window (the browser shell) or logged like `npm run server`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatIteration } from '../../shared/format';
import { openBrowser } from '../browser-shell/open-browser';
import { startLab } from '../browser-shell/start-lab';
import { parseTraceArgs } from './trace-args';
import { TracedServer } from './traced-server';

async function main(): Promise<number> {
  const parsed = parseTraceArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(parsed.error.message);
    return 2;
  }
  const args = parsed.value;
  const server = new TracedServer({ python: args.python, args: args.args, stdout: 'inherit' });
  server.on('notice', (notice) => console.error(`${notice.level}: ${notice.message}`));
  if (args.log) return headless(server, args.log, args.step);
  const staticDir = join(import.meta.dirname, '../../out/renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error(`No built renderer in ${staticDir}: run "npm run build" first (npm run trace does).`);
    return 1;
  }
  if (args.step) server.setMode('step');
  const lab = await startLab({ staticDir, port: args.port }, server);
  const started = await server.start();
  if (!started.ok) {
    console.error(started.error.message);
    await lab.stop();
    return 1;
  }
  console.log(
    `Socket Lab is watching ${[args.python, ...args.args].join(' ')} (on 127.0.0.1 only).\n` +
      `  Open ${lab.shell.url}\n  Ctrl-C stops both.`,
  );
  if (args.open) openBrowser(lab.shell.url, (line) => console.log(`  ${line}`));
  const stop = () => void server.stop().finally(() => lab.stop().finally(() => process.exit(0)));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

/** No window: each iteration as text or a JSON line, until the program ends; its exit status is ours. */
function headless(server: TracedServer, log: 'text' | 'jsonl', step: boolean): Promise<number> {
  if (step) console.error('--step needs the window (it is how you step): running freely.');
  server.on('iteration', (record) =>
    process.stdout.write(
      log === 'jsonl' ? `${JSON.stringify(record)}\n` : `${formatIteration(record).join('\n')}\n`,
    ),
  );
  return new Promise((resolve) => {
    let said = false;
    server.on('state', () => {
      const { server: status } = server.snapshot();
      if (status.state === 'listening' && !said) {
        said = true;
        console.error(`The program listens on ${status.address} (traced). Ctrl-C stops it.`);
      }
      if (status.state === 'stopped' || status.state === 'crashed')
        resolve(status.state === 'crashed' ? 3 : 0);
    });
    process.once('SIGINT', () => void server.stop());
    void server.start().then((started) => {
      if (!started.ok) {
        console.error(started.error.message);
        resolve(1);
      }
    });
  });
}

const code = await main();
if (code !== 0) process.exit(code);
