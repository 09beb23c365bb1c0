import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { WS_PATH, type WireMessage } from '../../shared/wire';

/** Where and how to run the shell: a free port, a token folder of its own, no more flags, by default. */
export interface ShellPlace {
  port?: number;
  runtimeDir?: string;
  args?: string[];
}

/** The browser shell in a process of its own, and the URL (with its token) it printed. */
export function startShell(
  root: string,
  { port = 0, runtimeDir, args = [] }: ShellPlace = {},
  timeoutMs = 30_000,
): Promise<{ child: ChildProcess; url: string }> {
  // A token of its own: a bench never touches the user's kept token (nor leaves its folder behind).
  const dir = runtimeDir ?? mkdtempSync(join(tmpdir(), 'socket-lab-bench-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/serve.ts', '--port', String(port), ...args],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, SOCKET_LAB_RUNTIME_DIR: dir },
    },
  );
  if (runtimeDir === undefined) {
    // Gone with the shell, or with this process if it ends first.
    const remove = (): void => rmSync(dir, { recursive: true, force: true });
    process.once('exit', remove);
    child.once('exit', () => {
      process.off('exit', remove);
      remove();
    });
  }
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the browser shell printed no URL within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = out.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the browser shell exited (${code}) before printing its URL:\n${out}`));
    });
  });
}

/** A port free on 127.0.0.1 right now, for the lab's server to be started on from the window. */
export const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Runs one lab command over the shell's WebSocket, as a second window would; rejects on a refusal. */
export async function labCommand(pageUrl: string, command: string, args: unknown): Promise<unknown> {
  const url = new URL(pageUrl);
  const socket = new WebSocket(`ws://${url.host}${WS_PATH}?token=${url.searchParams.get('token') ?? ''}`, {
    origin: `http://${url.host}`,
  });
  try {
    await once(socket, 'open');
    socket.send(JSON.stringify({ id: 1, command, args }));
    for (;;) {
      const [data] = (await once(socket, 'message')) as [Buffer];
      const message = JSON.parse(data.toString()) as WireMessage;
      if (message.type !== 'reply') continue;
      if (!message.result.ok) throw new Error(`${command}: ${message.result.error.message}`);
      return message.result.value;
    }
  } finally {
    socket.close();
  }
}
