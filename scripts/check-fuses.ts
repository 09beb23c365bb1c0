/**
 * `tsx scripts/check-fuses.ts <file>`: checks the output of `npx @electron/fuses read --app …`
 * (saved to <file>) against electronFuses in electron-builder.yml. The release workflow runs
 * it on every packaged app, so a build that shipped with a fuse left on fails.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { pathToFileURL } from 'node:url';
import { loadBuilderConfig } from './builder-config';

/** A fuse's state as @electron/fuses prints it. */
export type FuseState = 'Enabled' | 'Disabled' | 'Inherited' | 'Removed';

/** electron-builder option names that are settings of the flip, not fuses. */
const NOT_FUSES = new Set(['resetAdHocDarwinSignature', 'strictlyRequireAllFuses']);

/** The fuses and states `@electron/fuses read` printed (colours stripped), by fuse name. */
export function parseFuseRead(output: string): Map<string, FuseState> {
  const plain = stripVTControlCharacters(output);
  const fuses = new Map<string, FuseState>();
  for (const match of plain.matchAll(/^\s*(\w+) is (Enabled|Disabled|Inherited|Removed)\s*$/gm)) {
    const [, name, state] = match;
    if (name && state) fuses.set(name, state as FuseState);
  }
  return fuses;
}

/** What each configured fuse must read as: `runAsNode: false` → `RunAsNode` `Disabled`. */
export function expectedFuses(electronFuses: object): Map<string, FuseState> {
  const expected = new Map<string, FuseState>();
  for (const [key, value] of Object.entries(electronFuses)) {
    if (NOT_FUSES.has(key) || typeof value !== 'boolean') continue;
    expected.set(key.charAt(0).toUpperCase() + key.slice(1), value ? 'Enabled' : 'Disabled');
  }
  return expected;
}

/** One line per fuse that is missing or in the wrong state (empty when all match). */
export function fuseMismatches(expected: Map<string, FuseState>, actual: Map<string, FuseState>): string[] {
  return [...expected].flatMap(([name, state]) => {
    const got = actual.get(name);
    return got === state ? [] : [`${name}: expected ${state}, read ${got ?? 'nothing'}`];
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: tsx scripts/check-fuses.ts <output of @electron/fuses read>');
    process.exit(2);
  }
  const expected = expectedFuses(loadBuilderConfig().electronFuses ?? {});
  const problems = expected.size === 0 ? ['electron-builder.yml sets no electronFuses'] : [];
  problems.push(...fuseMismatches(expected, parseFuseRead(readFileSync(file, 'utf8'))));
  if (problems.length > 0) {
    console.error(`check-fuses: the packaged app's fuses are wrong:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`check-fuses: all ${expected.size} fuses as electron-builder.yml sets them`);
}
