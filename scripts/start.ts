import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { obtainElectronRuntime } from './electron-runtime';
import { runBin } from './package-bin';

/**
 * `npm start`: the desktop app, or — where Electron's runtime is missing and cannot be
 * downloaded, or there is no display to show a window on — one line saying so, then the
 * same lab in the browser shell, opening a browser where there is one. Arguments after --
 * go to the browser shell (`npm start -- --port 0`).
 */
const ROOT = join(import.meta.dirname, '..');

/** Why the desktop app cannot run here, or null when it can. */
async function whyNotDesktop(): Promise<string | null> {
  const obtained = await obtainElectronRuntime(ROOT);
  if (!obtained.ok)
    return `Electron's runtime is not installed and cannot be downloaded here (${obtained.why})`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return 'There is no display here for the desktop app (DISPLAY and WAYLAND_DISPLAY are unset)';
  return null;
}

/** The browser shell in the foreground, stopped with us; resolves to its exit code. */
function serveInBrowser(args: readonly string[]): Promise<number> {
  const built = runBin(ROOT, 'electron-vite', 'electron-vite', ['build'], true);
  if (built.code !== 0) {
    console.error(built.output);
    return Promise.resolve(built.code);
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/serve.ts', '--open', ...args], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1))));
}

const why = await whyNotDesktop();
if (why === null) {
  process.exit(runBin(ROOT, 'electron-vite', 'electron-vite', ['preview']).code);
} else {
  console.log(`${why}: starting the lab in your browser instead.`);
  process.exit(await serveInBrowser(process.argv.slice(2)));
}
