// @vitest-environment node
import { spawn } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadSources, offlineMessage, probe, proxyInUse, unreachable } from './reachability';

const ROOT = join(import.meta.dirname, '..');
const servers: Server[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** A port that was just free: nothing listens there, so a connection is refused at once. */
async function closedPortUrl(): Promise<string> {
  const server = createTcpServer();
  const url = await listen(server);
  servers.pop();
  await new Promise((done) => server.close(done));
  return url;
}

/** A server that accepts connections and never answers: what a black-holed host looks like. */
async function silentUrl(): Promise<string> {
  return listen(createTcpServer((socket) => sockets.push(socket)));
}

describe('probe', () => {
  it('any HTTP answer means reachable, a 404 too', async () => {
    const url = await listen(createHttpServer((_req, res) => res.writeHead(404).end()));
    expect(await probe(url, 2000)).toEqual({ ok: true, status: 404 });
  });

  it('a refused connection is unreachable, with the reason', async () => {
    const result = await probe(await closedPortUrl(), 2000);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('ECONNREFUSED') });
  });

  it('a host that never answers is given up on at the deadline, not hung on', async () => {
    const started = Date.now();
    const result = await probe(await silentUrl(), 300);
    expect(result).toEqual({ ok: false, reason: 'no answer within 0.3 s' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports only the sources that failed', async () => {
    const up = await listen(createHttpServer((_req, res) => res.end('ok')));
    const down = await closedPortUrl();
    const failed = await unreachable(
      [
        { what: 'up', url: up },
        { what: 'down', url: down },
      ],
      2000,
    );
    expect(failed.map((f) => f.what)).toEqual(['down']);
  });
});

describe('download sources', () => {
  it('default to GitHub and honour both mirrors', () => {
    expect(downloadSources({}, '45.4.1').map((s) => new URL(s.url).host)).toEqual([
      'github.com',
      'github.com',
    ]);
    const mirrored = downloadSources(
      { ELECTRON_MIRROR: 'https://m.example/e/', ELECTRON_BUILDER_BINARIES_MIRROR: 'https://m.example/b/' },
      '45.4.1',
    );
    expect(mirrored.map((s) => s.url)).toEqual(['https://m.example/e/', 'https://m.example/b/']);
    expect(mirrored[0]?.what).toContain('45.4.1');
  });

  it('notices a proxy (a direct probe would be wrong there)', () => {
    expect(proxyInUse({ https_proxy: 'http://proxy:3128' })).toBe('https_proxy');
    expect(proxyInUse({})).toBeUndefined();
  });

  it('says in one message what could not be reached and what to do', () => {
    const text = offlineMessage([
      { what: "Electron's runtime v45.4.1", url: 'https://x/', reason: 'ENOTFOUND x' },
    ]);
    expect(text).toContain("Electron's runtime v45.4.1: https://x/ (ENOTFOUND x)");
    expect(text).toContain('Nothing was built');
    expect(text).toContain('ELECTRON_MIRROR');
  });
});

describe('npm run dist where the runtime cannot be downloaded', () => {
  it('stops within seconds with the one message, before building anything', async () => {
    const mirror = await closedPortUrl();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ELECTRON_MIRROR: mirror,
      ELECTRON_BUILDER_BINARIES_MIRROR: mirror,
    };
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy']) {
      delete env[name];
    }
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'dist.ts')], {
      cwd: ROOT,
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(2);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(stderr).toContain('npm run dist: cannot build the installers here');
    expect(stderr).toContain('ECONNREFUSED');
    expect(stdout).not.toContain('icons rendered'); // nothing was built
  });
});
