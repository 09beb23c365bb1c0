// @vitest-environment node
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keptToken } from './browser-shell/token-file';

/** Runs `tsx electron/serve.ts …args` to its exit, with its token kept in `runtimeDir`. */
async function serve(
  args: string[],
  runtimeDir: string,
): Promise<{ code: number; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/serve.ts', ...args], {
    env: { ...process.env, SOCKET_LAB_RUNTIME_DIR: runtimeDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  return { code, out, err };
}

describe('npm run serve -- --print-url', () => {
  it('prints the URL with the kept token, or says there is none yet; it starts nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'socket-lab-print-url-'));
    try {
      const none = await serve(['--print-url'], dir);
      expect(none.code).toBe(1);
      expect(none.err).toMatch(/No usable token in .*: start the browser shell with npm run serve/);
      const kept = await keptToken(dir);
      const token = kept.ok ? kept.value.token : '';
      const printed = await serve(['--print-url', '--port', '41829'], dir);
      expect(printed).toMatchObject({ code: 0, out: `http://127.0.0.1:41829/?token=${token}\n` });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
