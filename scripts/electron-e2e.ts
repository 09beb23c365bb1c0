import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { electronRuntime } from '../e2e/electron/runtime';

/**
 * The last step of `npm test`: the Electron specs where Electron's runtime exists, else one
 * line saying why not. It runs what `npm run test:electron` runs, each tool's JS entry under
 * this Node: no npm, no `.cmd` shim and no shell, which Node (≥ 20.12) refuses on Windows.
 */
const ROOT = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/** A package's command-line entry, as its package.json `bin` names it. */
function binOf(pkg: string, name: string): string {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string | Record<string, string> };
  const entry = typeof bin === 'string' ? bin : bin[name];
  if (!entry) throw new Error(`${pkg} has no "${name}" command`);
  return join(dirname(manifest), entry);
}

/** Runs a package's command in the project root with inherited output; returns its exit code. */
function run(pkg: string, name: string, args: readonly string[]): number {
  const result = spawnSync(process.execPath, [binOf(pkg, name), ...args], { cwd: ROOT, stdio: 'inherit' });
  if (result.error) console.error(`${name}: ${result.error.message}`);
  return result.status ?? 1;
}

const runtime = electronRuntime(ROOT);
if (!runtime.installed) {
  console.log(`Electron specs skipped: ${runtime.reason}. Run \`npm run test:electron\` where it is.`);
} else {
  const built = run('electron-vite', 'electron-vite', ['build']);
  process.exit(
    built !== 0
      ? built
      : run('@playwright/test', 'playwright', ['test', '-c', 'e2e/electron/playwright.config.ts']),
  );
}
