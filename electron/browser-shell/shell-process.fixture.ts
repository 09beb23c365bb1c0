/**
 * Test fixture: a browser shell (engine + host + bridge, no fleet) in a process of its own,
 * so a test can measure that process. Tells its parent the port and token, answers
 * `memory` with its RSS (after a GC, when run with --expose-gc), and exits with its parent.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LabHost } from '../host/lab-host';
import { SelectServer } from '../lab/select-server';
import { startBrowserShell } from './shell';

const dir = await mkdtemp(join(tmpdir(), 'socket-lab-shell-process-'));
await writeFile(join(dir, 'index.html'), '<!doctype html><title>Socket Lab</title>');
const host = new LabHost(new SelectServer());
const shell = await startBrowserShell(host, { staticDir: dir, port: 0 });
// Tests use its WebSocket only, and end it with SIGKILL: the served folder goes now, not left behind.
await rm(dir, { recursive: true, force: true });
process.send?.({ type: 'ready', port: shell.port, token: shell.token });
process.on('message', (message: { type: string }) => {
  if (message.type !== 'memory') return;
  (globalThis as { gc?: () => void }).gc?.();
  process.send?.({ type: 'memory', rss: process.memoryUsage().rss });
});
process.on('disconnect', () => process.exit(0));
