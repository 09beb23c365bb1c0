// @vitest-environment node
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { CLOSE_TOO_SLOW } from '../../shared/wire';
import { connectClients, echoOnce } from '../host/test-support';
import { call, wsClient } from './test-support';

const MiB = 1024 * 1024;
const FLOOD_MS = 20_000;
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** The browser shell in a process of its own, so its RSS is its own. */
async function shellProcess(): Promise<{ port: number; token: string; rss: () => Promise<number> }> {
  const child = fork(join(import.meta.dirname, 'shell-process.fixture.ts'), {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  const [ready] = (await once(child, 'message')) as [{ port: number; token: string }];
  const rss = async (): Promise<number> => {
    const answer = once(child, 'message') as Promise<[{ rss: number }]>;
    child.send({ type: 'memory' });
    return (await answer)[0].rss;
  };
  return { ...ready, rss };
}

/** Resolves after `ms`: paces the served client's requests (load pacing, not synchronisation). */
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('the bridge send budget', () => {
  it('a client that stops reading and keeps asking for snapshots: the shell stays within +100 MiB, another client is served, and the reader is told why it was dropped', async () => {
    const shell = await shellProcess();
    const served = await wsClient(shell.port, shell.token);
    // A backlog that admits 100 clients at once (listen(5) would keep most waiting for SYN retries).
    await call(served, 98, 'setOptions', { backlog: 511 });
    const started = await call(served, 1, 'startServer', { host: '127.0.0.1', port: 0 });
    const port = started.result.ok ? (started.result.value as { port: number }).port : 0;
    // State worth snapshotting: each snapshot is hundreds of KiB.
    const sockets = await connectClients(port, 300);
    await Promise.all(sockets.map((socket) => echoOnce(socket, Buffer.from('state'))));
    for (let id = 2; id < 22; id++) expect((await call(served, id, 'snapshot', {})).result.ok).toBe(true);
    const baseline = await shell.rss();

    const reader = await wsClient(shell.port, shell.token);
    const closed = new Promise<[number, string]>((resolve) =>
      reader.once('close', (code: number, reason: Buffer) => resolve([code, reason.toString()])),
    );
    reader.pause();
    let next = 1000;
    const flood = setInterval(() => {
      // Asks as fast as the shell takes requests (bounded here, so the test process stays small).
      if (reader.readyState !== reader.OPEN || reader.bufferedAmount > MiB) return;
      for (let i = 0; i < 64; i++) reader.send(JSON.stringify({ id: next++, command: 'snapshot', args: {} }));
    }, 5);

    let peak = 0;
    let answered = 0;
    try {
      for (const end = Date.now() + FLOOD_MS; Date.now() < end; answered++) {
        expect((await call(served, 100 + answered, 'snapshot', {})).result.ok).toBe(true);
        if (answered % 10 === 0) {
          peak = Math.max(peak, (await shell.rss()) - baseline);
          expect(peak, `RSS growth after ${answered} snapshots`).toBeLessThan(100 * MiB);
        }
        await pause(50);
      }
    } finally {
      clearInterval(flood);
    }
    peak = Math.max(peak, (await shell.rss()) - baseline);
    expect(peak).toBeLessThan(100 * MiB);
    expect(answered).toBeGreaterThan(20);

    // Once it reads again, the reader finds its close code and a reason it can show.
    reader.resume();
    const [code, reason] = await closed;
    expect(code).toBe(CLOSE_TOO_SLOW);
    expect(reason).toMatch(/fell behind: over 2 MiB of updates unread for 10 s/);
    // And it reconnects cleanly.
    const again: WebSocket = await wsClient(shell.port, shell.token);
    expect((await call(again, 1, 'snapshot', {})).result.ok).toBe(true);
    sockets.forEach((socket) => socket.destroy());
  }, 90_000);
});
