import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseServeArgs } from './browser-shell/args';
import { startBrowserShell } from './browser-shell/shell';
import { FleetController } from './fleet/controller';
import { nodeLauncher } from './fleet/node-launcher';
import { LabHost } from './host/lab-host';
import { SelectServer } from './lab/select-server';

/** `npm run serve -- [--port N] [--open]`: the lab in a browser, served by plain Node on 127.0.0.1. */
async function main(): Promise<number> {
  const args = parseServeArgs(process.argv.slice(2));
  if (!args.ok) {
    console.error(args.error.message);
    return 2;
  }
  const staticDir = join(import.meta.dirname, '../out/renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error(`No built renderer in ${staticDir}: run "npm run build" first (npm run serve does).`);
    return 1;
  }
  const host = new LabHost(new SelectServer(), new FleetController(nodeLauncher()));
  const shell = await startBrowserShell(host, { staticDir, port: args.value.port }).catch(
    (error: NodeJS.ErrnoException) => {
      console.error(
        `Cannot listen on 127.0.0.1:${args.value.port}: ${error.code ?? error.message}. Try --port 0.`,
      );
      return null;
    },
  );
  if (!shell) return 1;
  console.log(
    `Socket Lab (browser shell) is running on 127.0.0.1 only.\n  Open ${shell.url}\n  Ctrl-C stops it.`,
  );
  if (args.value.open) openBrowser(shell.url);
  const stop = () => {
    void Promise.all([shell.close(), host.dispose()]).finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

/** Best effort: the URL is printed anyway. */
function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => console.error(`Could not open a browser; open the URL above yourself.`));
  child.unref();
}

const code = await main();
if (code !== 0) process.exit(code);
