// @vitest-environment node
/**
 * The fuse pipeline end to end, minus Electron itself: electron-builder.yml → electron-builder's
 * own mapping → @electron/fuses flipping a fuse wire → `@electron/fuses read` (the CLI the
 * release workflow runs) → check-fuses. The "binary" is a file holding just Electron's fuse
 * wire (sentinel, version, length, one byte per fuse) in the stock state.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuilderConfig } from './builder-config';
import { expectedFuses, fuseMismatches, parseFuseRead } from './check-fuses';

const ROOT = join(import.meta.dirname, '..');
const run = promisify(execFile);

/** Resolves a module as electron-builder (app-builder-lib) itself does, so we test the versions it uses. */
const builderRequire = createRequire(
  createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json')).resolve(
    'app-builder-lib/package.json',
  ),
);
const fusesDir = dirname(builderRequire.resolve('@electron/fuses/package.json'));
const fuses = builderRequire('@electron/fuses') as {
  flipFuses: (path: string, config: object) => Promise<unknown>;
};
const { PlatformPackager } = builderRequire('./out/index') as {
  PlatformPackager: { prototype: { generateFuseConfig: (fuses: object) => Promise<object> } };
};

/** A stock Electron 45 fuse wire: RunAsNode, NODE_OPTIONS, inspector and file:// privileges on. */
function stockWire(): Buffer {
  const states = '10110001'; // in FuseV1Options order; '1' enabled, '0' disabled
  return Buffer.concat([
    Buffer.from('\0ELF-ish padding\0'),
    Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'latin1'),
    Buffer.from([1, states.length]),
    Buffer.from(states, 'latin1'),
    Buffer.from('\0trailer'),
  ]);
}

async function readFuses(app: string): Promise<string> {
  const bin = join(fusesDir, 'dist', 'bin.js');
  const { stdout } = await run(process.execPath, [bin, 'read', '--app', app], {
    env: { ...process.env, FORCE_COLOR: '1' },
  });
  return stdout;
}

describe('fuses, from electron-builder.yml to `@electron/fuses read`', () => {
  let dir = '';
  let app = '';
  const expected = expectedFuses(loadBuilderConfig().electronFuses ?? {});

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'socket-lab-fuses-'));
    app = join(dir, 'socket-lab');
    await writeFile(app, stockWire());
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('an unfused binary (what e2e runs) fails the check on every fuse that matters', async () => {
    const problems = fuseMismatches(expected, parseFuseRead(await readFuses(app)));
    for (const fuse of [
      'RunAsNode',
      'EnableNodeOptionsEnvironmentVariable',
      'EnableNodeCliInspectArguments',
    ]) {
      expect(problems.some((p) => p.startsWith(`${fuse}:`))).toBe(true);
    }
  });

  it('the flip electron-builder performs with our config passes the check', async () => {
    const config = await PlatformPackager.prototype.generateFuseConfig.call(
      {},
      loadBuilderConfig().electronFuses ?? {},
    );
    await fuses.flipFuses(app, config);
    const output = await readFuses(app);
    expect(parseFuseRead(output).size).toBe(8);
    expect(fuseMismatches(expected, parseFuseRead(output))).toEqual([]);
    expect((await readFile(app)).length).toBe(stockWire().length); // flipped in place
  });

  it('the release workflow reads fuses with the @electron/fuses version electron-builder flips them with', async () => {
    const { version } = JSON.parse(await readFile(join(fusesDir, 'package.json'), 'utf8')) as {
      version: string;
    };
    const workflow = await readFile(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8');
    expect(workflow).toContain(`npx --yes @electron/fuses@${version} read --app`);
  });
});
