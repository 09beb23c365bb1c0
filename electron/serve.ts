import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseServeArgs, type ServeArgs } from './browser-shell/args';
import { newToken } from './browser-shell/guards';
import { openBrowser } from './browser-shell/open-browser';
import { startLab } from './browser-shell/start-lab';
import { keptToken, readToken, runtimeDir } from './browser-shell/token-file';

/**
 * `npm run serve -- [--port N] [--open] [--new-token] [--print-url]`: the lab in a browser,
 * served by plain Node on 127.0.0.1, with a token kept across restarts.
 */
const urlOf = (port: number, token: string): string => `http://127.0.0.1:${port}/?token=${token}`;

/** The kept token (a fresh one with --new-token); a one-run token, said plainly, if it cannot be kept. */
async function tokenFor(args: ServeArgs): Promise<{ token: string; where: string }> {
  const kept = await keptToken(runtimeDir(), args.newToken);
  if (!kept.ok) {
    console.error(`${kept.error.message} Using a token for this run only.`);
    return { token: newToken(), where: 'for this run only: open tabs will need the new URL after a restart' };
  }
  if (kept.value.note) console.error(kept.value.note);
  const made = args.newToken ? 'a new token, ' : '';
  return { token: kept.value.token, where: `${made}kept in ${kept.value.file} (readable only by you)` };
}

async function main(): Promise<number> {
  const args = parseServeArgs(process.argv.slice(2));
  if (!args.ok) {
    console.error(args.error.message);
    return 2;
  }
  if (args.value.printUrl) {
    const kept = await readToken(runtimeDir());
    if (!kept.ok) console.error(kept.error.message);
    else console.log(urlOf(args.value.port, kept.value.token));
    return kept.ok ? 0 : 1;
  }
  const staticDir = join(import.meta.dirname, '../out/renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error(`No built renderer in ${staticDir}: run "npm run build" first (npm run serve does).`);
    return 1;
  }
  const { token, where } = await tokenFor(args.value);
  const lab = await startLab({
    staticDir,
    port: args.value.port,
    token,
    allowRun: args.value.allowRun,
  }).catch((error: NodeJS.ErrnoException) => {
    console.error(
      `Cannot listen on 127.0.0.1:${args.value.port}: ${error.code ?? error.message}. ` +
        (error.code === 'EADDRINUSE' ? 'Is the lab already running there? ' : '') +
        'Try --port 0.',
    );
    return null;
  });
  if (!lab) return 1;
  console.log(
    `Socket Lab (browser shell) is running on 127.0.0.1 only.\n  Open ${lab.shell.url}\n` +
      `  The token is ${where}; open tabs reconnect after a restart. --new-token replaces it.\n` +
      (args.value.allowRun
        ? '  --allow-run: the window may run the seed itself under python3 (Run the original).\n'
        : '') +
      '  Ctrl-C stops it.',
  );
  if (args.value.open) openBrowser(lab.shell.url, (line) => console.log(`  ${line}`));
  // A Ctrl-C may arrive twice (from the terminal, and relayed by npm start): stop once.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void lab.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return 0;
}

const code = await main();
if (code !== 0) process.exit(code);
