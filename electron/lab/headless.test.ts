// @vitest-environment node
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import type { IterationRecord } from '../../shared/engine';
import { parseSettings } from './headless-args';
import { connect } from './testing';

describe('headless server arguments', () => {
  it('defaults to 127.0.0.1:50000, Safe, text, and rejects bad values with a clear message', () => {
    expect(parseSettings([])).toEqual({
      host: '127.0.0.1',
      port: 50000,
      fidelity: 'safe',
      log: 'text',
      options: {},
    });
    expect(parseSettings(['--recv-size', '16', '--send-buffer', '4096', '--nodelay'])).toMatchObject({
      options: { recvSize: 16, sendBufferSize: 4096, noDelay: true },
    });
    expect(parseSettings(['--backlog', '0', '--stop-on-crash'])).toMatchObject({
      options: { backlog: 0, stopOnCrash: true },
    });
    expect(parseSettings(['--backlog', 'many'])).toEqual({
      error: expect.stringMatching(/--backlog must be a whole number of connections/),
    });
    expect(parseSettings(['--recv-size', 'big'])).toEqual({
      error: expect.stringMatching(/--recv-size must be a whole number of bytes/),
    });
    expect(parseSettings(['--port', '0', '--fidelity', 'tutorial', '--log', 'jsonl'])).toMatchObject({
      port: 0,
      fidelity: 'tutorial',
      log: 'jsonl',
    });
    expect(parseSettings(['--port', '99999'])).toEqual({
      error: expect.stringMatching(/--port must be a whole number/),
    });
    expect(parseSettings(['--fidelity', 'loose'])).toEqual({
      error: expect.stringMatching(/--fidelity must be safe or tutorial/),
    });
    expect(parseSettings(['--log', 'xml'])).toEqual({
      error: expect.stringMatching(/--log must be text, jsonl or none/),
    });
    expect(parseSettings(['--bogus'])).toHaveProperty('error');
  });
});

describe('npm run server', () => {
  it('echoes for a TCP client, logs one iteration record per line as jsonl, and stops cleanly on SIGINT', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/lab/headless.ts', '--port', '0', '--log', 'jsonl', '--recv-size', '4'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const stderr = createInterface({ input: child.stderr });
      const [banner] = (await once(stderr, 'line')) as [string];
      const port = Number(/listening on 127\.0\.0\.1:(\d+)/.exec(banner)?.[1]);
      expect(port).toBeGreaterThan(0);
      const records: IterationRecord[] = [];
      createInterface({ input: child.stdout }).on('line', (line) =>
        records.push(JSON.parse(line) as IterationRecord),
      );
      const client = await connect(port);
      client.socket.end('hello, select()');
      expect((await client.ended).toString()).toBe('hello, select()');
      child.kill('SIGINT');
      const [code] = (await once(child, 'exit')) as [number];
      expect(code).toBe(0);
      const kinds = records.flatMap((r) => r.actions.map((a) => a.kind));
      expect(kinds).toEqual(
        expect.arrayContaining(['accept', 'recv', 'put', 'outputs-add', 'send', 'eof', 'close']),
      );
      expect(records.map((r) => r.n)).toEqual(records.map((_, i) => i + 1));
      // --recv-size reached the engine: 15 bytes in recv()s of at most 4.
      const recvs = records.flatMap((r) => r.actions.filter((a) => a.kind === 'recv'));
      const sizes = recvs.map((a) => (a.kind === 'recv' ? a.bytes : 0));
      expect(sizes.reduce((sum, n) => sum + n, 0)).toBe(15);
      expect(Math.max(...sizes)).toBe(4);
      expect(sizes.length).toBeGreaterThanOrEqual(4);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses socket options the engine refuses, with its message', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/lab/headless.ts', '--recv-size', '0'],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(2);
    expect(err).toMatch(/Invalid options: recvSize/);
  });

  it('says clearly when the port is busy and exits non-zero', async () => {
    const holder = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/lab/headless.ts', '--port', '0', '--log', 'none'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    try {
      const [banner] = (await once(createInterface({ input: holder.stderr }), 'line')) as [string];
      const port = /:(\d+)/.exec(banner)?.[1] ?? '';
      const second = spawn(
        process.execPath,
        ['--import', 'tsx', 'electron/lab/headless.ts', '--port', port],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let err = '';
      second.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      const [code] = (await once(second, 'exit')) as [number];
      expect(code).toBe(1);
      expect(err).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('--stop-on-crash: a client that sends and half-closes at once ends a Tutorial server with KeyError, exit 3', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'electron/lab/headless.ts',
        ...['--port', '0', '--fidelity', 'tutorial', '--stop-on-crash', '--backlog', '2'],
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const stderr = createInterface({ input: child.stderr });
      const lines: string[] = [];
      stderr.on('line', (line) => lines.push(line));
      const [banner] = (await once(stderr, 'line')) as [string];
      expect(banner).toMatch(/tutorial mode, listen\(2\), recv\(1024\), stops on a crash/);
      const port = Number(/listening on 127\.0\.0\.1:(\d+)/.exec(banner)?.[1]);
      const client = await connect(port);
      client.socket.end('hello');
      const [code] = (await once(child, 'exit')) as [number];
      expect(code).toBe(3);
      expect(lines.join('\n')).toMatch(/Crashed: .*KeyError/);
      expect((await client.ended).length).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
