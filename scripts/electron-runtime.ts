import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { electronRuntime } from '../e2e/electron/runtime';
import { downloadSources, probe, proxyInUse } from './reachability';

/**
 * Electron 45's package fetches its runtime lazily, and electron-vite only looks for it. So
 * fetch it here, once, with Electron's own installer, and say in one line why when this
 * machine cannot: a quick probe first (no waiting minutes on an unreachable host), and the
 * installer's stack trace kept to its first line.
 */
const PROBE_TIMEOUT_MS = 5000;
const require = createRequire(import.meta.url);

export type Obtained = { ok: true } | { ok: false; why: string };

/** The first line of what a failed installer printed: its error, without the stack. */
const firstLine = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('at ')) ?? 'no output';

/** Electron's runtime in `root`'s node_modules, downloaded now if it is missing; never throws. */
export async function obtainElectronRuntime(root: string): Promise<Obtained> {
  if (electronRuntime(root).installed) return { ok: true };
  const { version } = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as {
    version: string;
  };
  const [source] = downloadSources(process.env, version);
  // Node's fetch ignores proxies: behind one, only the installer can tell.
  if (source && !proxyInUse(process.env)) {
    const reached = await probe(source.url, PROBE_TIMEOUT_MS);
    if (!reached.ok) return { ok: false, why: `${source.url} cannot be reached: ${reached.reason}` };
  }
  console.log("Downloading Electron's runtime (first run only, about 100 MB)…");
  const installer = spawnSync(process.execPath, [require.resolve('electron/install.js')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (installer.status === 0 && electronRuntime(root).installed) return { ok: true };
  return { ok: false, why: `the download failed: ${firstLine(installer.stderr ?? '')}` };
}
