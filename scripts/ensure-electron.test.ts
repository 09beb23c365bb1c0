// @vitest-environment node
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronRuntime } from '../e2e/electron/runtime';

const ROOT = join(import.meta.dirname, '..');

describe("npm start fetches Electron's runtime first (scripts/ensure-electron.ts)", () => {
  it('asks the mirror for the runtime, and says what to do when it cannot have it', async () => {
    // A mirror on 127.0.0.1 that has nothing: no traffic leaves the machine.
    const asked: string[] = [];
    const mirror = http.createServer((req, res) => {
      asked.push(req.url ?? '');
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    const { port } = mirror.address() as { port: number };
    const cache = await mkdtemp(join(tmpdir(), 'socket-lab-electron-cache-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ensure-electron.ts'], {
        cwd: ROOT,
        env: { ...process.env, ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: cache },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const [code] = (await once(child, 'exit')) as [number];
      if (electronRuntime(ROOT).installed) {
        // Already there (a machine that ran npm start): nothing to fetch.
        expect(code).toBe(0);
        expect(asked).toEqual([]);
        return;
      }
      expect(code).toBe(1);
      expect(asked.length).toBeGreaterThan(0);
      expect(output).toContain("Could not download Electron's runtime");
      expect(output).toContain('npm run serve');
    } finally {
      mirror.close();
      await rm(cache, { recursive: true, force: true });
    }
  }, 60_000);
});
