import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A sandboxed preload may require only `electron`: fail the build check if the built
 * out/preload/preload.cjs requires anything else (a local chunk, a node module) or uses ESM.
 */
export function preloadProblems(code: string): string[] {
  const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1] ?? '');
  const problems = required.filter((name) => name !== 'electron').map((name) => `requires "${name}"`);
  if (/^\s*(import|export)\s/m.test(code))
    problems.push('is an ES module (a sandboxed preload must be CommonJS)');
  if (!required.includes('electron')) problems.push('does not require electron (is this the preload?)');
  return problems;
}

if (import.meta.filename === process.argv[1]) {
  const file = join(import.meta.dirname, '../out/preload/preload.cjs');
  const problems = preloadProblems(readFileSync(file, 'utf8'));
  if (problems.length > 0) {
    console.error(`out/preload/preload.cjs is not self-contained: it ${problems.join('; ')}.`);
    process.exit(1);
  }
  console.log('out/preload/preload.cjs is CommonJS and requires only electron.');
}
