import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Runs a package's command-line entry under this Node: no npm, no `.cmd` shim and no shell,
 * which Node (≥ 20.12) refuses on Windows.
 */
const require = createRequire(import.meta.url);

/** A package's command-line entry, as its package.json `bin` names it. */
export function binOf(pkg: string, name: string): string {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string | Record<string, string> };
  const entry = typeof bin === 'string' ? bin : bin[name];
  if (!entry) throw new Error(`${pkg} has no "${name}" command`);
  return join(dirname(manifest), entry);
}

/** Runs a package's command in `cwd`; returns its exit code, and its output when `quiet` (else inherited). */
export function runBin(
  cwd: string,
  pkg: string,
  name: string,
  args: readonly string[],
  quiet = false,
): { code: number; output: string } {
  const result = spawnSync(process.execPath, [binOf(pkg, name), ...args], {
    cwd,
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
  });
  if (result.error) console.error(`${name}: ${result.error.message}`);
  return { code: result.status ?? 1, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}
