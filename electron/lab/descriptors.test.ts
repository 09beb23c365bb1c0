// @vitest-environment node
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { DescriptorGuard, exhaustionMessage, fileLimits } from './descriptors';
import { limitedCommand, openMany } from './fd-limit-testing';
import { connect, waitUntil } from './testing';

describe('DescriptorGuard', () => {
  it('admits until the reserve is reached, then refuses and reports the first refusal at once', () => {
    let inUse = 50;
    let now = 0;
    const reports: string[] = [];
    const count = () => inUse;
    const guard = new DescriptorGuard({ soft: 100, hard: 100 }, (m) => reports.push(m), {
      count,
      now: () => now,
    });
    /** A connection arrives (its descriptor is open when the guard is asked); a refused one is closed. */
    const arrive = (): boolean => {
      inUse += 1;
      const admitted = guard.admit();
      if (!admitted) inUse -= 1;
      return admitted;
    };
    // The reserve is a quarter of a small limit: 25 here, so fewer than 75 may be open.
    let admitted = 0;
    while (arrive()) admitted += 1;
    expect([admitted, inUse]).toEqual([24, 74]);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(
      /^Out of file descriptors: refused 1 new connection \(1 since the server started\)/,
    );
    expect(arrive()).toBe(false);
    expect(reports).toHaveLength(1); // the next are summed up in one report per interval
    inUse = 40; // connections closed: seen at the next count, at most 10 a second near the limit
    expect(arrive()).toBe(false);
    now += 100;
    expect(arrive()).toBe(true);
    guard.dispose();
  });

  it('says how to raise the limit, or that it cannot be raised without an administrator', () => {
    expect(exhaustionMessage(3, 10, { soft: 1024, hard: 524288 }, 1000)).toBe(
      'Out of file descriptors: refused 3 new connections (10 since the server started). This process may ' +
        'open 1024 files (ulimit -n), 1000 in use: raise it in the shell that starts the lab ' +
        '(ulimit -n 524288), or close some connections.',
    );
    expect(exhaustionMessage(1, 1, { soft: 256, hard: 256 }, Infinity)).toMatch(
      /may open 256 files \(ulimit -n\): the hard limit is 256 too, so raising it needs an administrator/,
    );
  });

  it('reads this process’s limit', () => {
    if (process.platform === 'win32') return;
    expect(fileLimits()?.soft).toBeGreaterThan(0);
  });
});

describe.skipIf(process.platform === 'win32')('out of descriptors, for real', () => {
  it('npm run server under a 128-descriptor limit logs the refused connections, and still echoes', async () => {
    const [command, ...args] = limitedCommand(128, [
      process.execPath,
      '--import',
      'tsx',
      'electron/lab/headless.ts',
      '--port',
      '0',
      '--log',
      'none',
    ]);
    const child = spawn(command as string, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      const lines = createInterface({ input: child.stderr });
      const log: string[] = [];
      lines.on('line', (line) => log.push(line));
      await once(lines, 'line');
      const port = Number(/listening on 127\.0\.0\.1:(\d+)/.exec(log[0] ?? '')?.[1]);
      expect(port).toBeGreaterThan(0);
      const first = await connect(port);
      const sockets = await openMany(port, 300);
      await waitUntil(
        () => log.some((line) => line.includes('Out of file descriptors')),
        () => `the log to report refused connections; it says: ${log.join(' | ')}`,
        (check) => {
          lines.on('line', check);
          return () => lines.off('line', check);
        },
      );
      const report = log.find((line) => line.includes('Out of file descriptors')) ?? '';
      expect(report).toMatch(/^error: Out of file descriptors: refused \d+ new connections? \(\d+ since/);
      expect(report).toMatch(/may open 128 files \(ulimit -n\)/);
      expect(report).toMatch(/the hard limit is 128 too/);
      first.socket.end('still serving');
      expect((await first.ended).toString()).toBe('still serving');
      sockets.forEach((socket) => socket.destroy());
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
