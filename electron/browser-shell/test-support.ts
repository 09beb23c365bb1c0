/**
 * Test support for the browser shell: WebSocket clients opened as the page opens them
 * (token in the URL, the shell's own Origin), closed after each test.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import WebSocket from 'ws';
import type { WireMessage, WireReply } from '../../shared/wire';
import { LabHost } from '../host/lab-host';
import { SelectServer } from '../lab/select-server';
import { startBrowserShell, type BrowserShell } from './shell';

const open: WebSocket[] = [];

afterEach(() => {
  for (const ws of open.splice(0)) ws.terminate();
});

/** The lab a shell test drives: the engine, its host, and the browser shell serving a stub page. */
export interface ShellUnderTest {
  engine: SelectServer;
  host: LabHost;
  shell: BrowserShell;
}

/**
 * A fresh engine, host and browser shell (port 0, a one-line page) before each test, closed and
 * removed after it. Call once at a spec's top; the returned object holds the current test's.
 */
export function useShellUnderTest(): ShellUnderTest {
  const t = {} as ShellUnderTest;
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'socket-lab-shell-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Socket Lab</title>');
    t.engine = new SelectServer();
    t.host = new LabHost(t.engine);
    t.shell = await startBrowserShell(t.host, { staticDir: dir, port: 0 });
  });
  afterEach(async () => {
    await t.shell.close();
    await t.host.dispose();
    await rm(dir, { recursive: true, force: true });
  });
  return t;
}

/** A client of the shell on `port`; resolves once open, rejects with the refusal (401, 403…). */
export function wsClient(port: number, token: string): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, {
    origin: `http://127.0.0.1:${port}`,
  });
  open.push(ws);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Next reply on `ws` (batches skipped). */
export function nextReply(ws: WebSocket): Promise<WireReply> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as WireMessage;
      if (message.type !== 'reply') return;
      ws.off('message', onMessage);
      resolve(message);
    };
    ws.on('message', onMessage);
  });
}

/** Sends one request and resolves with the next reply. */
export async function call(ws: WebSocket, id: number, command: string, args: unknown): Promise<WireReply> {
  const reply = nextReply(ws);
  ws.send(JSON.stringify({ id, command, args }));
  return reply;
}
