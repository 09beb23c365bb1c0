// @vitest-environment node
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import type { Notice } from '../../shared/contract';
import type { WireMessage } from '../../shared/wire';
import { waitUntil } from '../host/test-support';
import { limitedCommand, openMany } from '../lab/fd-limit-testing';
import { call, wsClient } from './test-support';

describe.skipIf(process.platform === 'win32')('the browser shell out of descriptors', () => {
  it('tells the window how many connections it refused, the limit and what to do', async () => {
    const fixture = join(import.meta.dirname, 'shell-process.fixture.ts');
    const [command, ...args] = limitedCommand(128, [process.execPath, '--import', 'tsx', fixture]);
    const child = spawn(command as string, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    try {
      const [shell] = (await once(child, 'message')) as [{ port: number; token: string }];
      const ws: WebSocket = await wsClient(shell.port, shell.token);
      const notices: Notice[] = [];
      ws.on('message', (data: WebSocket.RawData) => {
        const message = JSON.parse(data.toString()) as WireMessage;
        if (message.type === 'delta') notices.push(...message.delta.notices);
      });
      const started = await call(ws, 1, 'startServer', { host: '127.0.0.1', port: 0 });
      const port = started.result.ok ? (started.result.value as { port: number }).port : 0;
      const sockets = await openMany(port, 300);
      await waitUntil(
        () => notices.some((n) => n.code === 'EMFILE'),
        () => `an EMFILE notice; got ${JSON.stringify(notices)}`,
        (check) => {
          ws.on('message', check);
          return () => ws.off('message', check);
        },
      );
      const notice = notices.find((n) => n.code === 'EMFILE');
      expect(notice?.level).toBe('error');
      expect(notice?.message).toMatch(/^Out of file descriptors: refused \d+ new connections? \(\d+ since/);
      expect(notice?.message).toMatch(/may open 128 files \(ulimit -n\)/);
      // The window still works.
      expect((await call(ws, 2, 'snapshot', {})).result.ok).toBe(true);
      sockets.forEach((socket) => socket.destroy());
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
