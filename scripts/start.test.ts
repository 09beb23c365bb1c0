// @vitest-environment node
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronRuntime } from '../e2e/electron/runtime';

const ROOT = join(import.meta.dirname, '..');
const installed = electronRuntime(ROOT).installed;

/** A port nothing listens on: the mirror that cannot be reached (no traffic leaves the machine). */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The HTTP status of a GET of `url`. */
const status = (url: string): Promise<number> =>
  new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
      .on('error', reject);
  });

describe.skipIf(installed)('npm start where Electron cannot be downloaded', () => {
  it('says so in one line, no stack trace, and runs the lab in the browser shell instead', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'socket-lab-start-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`,
      electron_config_cache: join(dir, 'cache'),
      SOCKET_LAB_RUNTIME_DIR: join(dir, 'runtime'),
      BROWSER: 'none',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--port', '0'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const look = () => {
          const found = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output)?.[0];
          if (found) resolve(found);
        };
        child.stdout.on('data', look);
        child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
      });
      const lines = output.split('\n');
      const aboutElectron = lines.filter((line) => /electron/i.test(line));
      expect(aboutElectron).toEqual([
        expect.stringMatching(
          /^Electron's runtime is not installed and cannot be downloaded here \(http:\/\/127\.0\.0\.1:\d+\/ cannot be reached: ECONNREFUSED\): starting the lab in your browser instead\.$/,
        ),
      ]);
      expect(lines.filter((line) => /^\s+at /.test(line))).toEqual([]);
      expect(await status(url)).toBe(200);
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
