// @vitest-environment node
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LabDelta } from '../../shared/contract';
import type { RecordingStatus } from '../../shared/recording/status';
import { Replay } from '../../shared/recording/replay';
import { bytesSource } from '../../shared/recording/byte-source';
import { LabHost } from '../host/lab-host';
import { connectClient, echoOnce, waitUntil } from '../host/test-support';
import { SelectServer } from '../lab/select-server';
import { Recordings } from '../recording/recordings';
import { startBrowserShell, type BrowserShell } from './shell';

let dir: string;
let host: LabHost;
let shell: BrowserShell;
let recordings: Recordings;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'socket-lab-recordings-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Socket Lab</title>');
  const engine = new SelectServer();
  recordings = new Recordings(engine, join(dir, 'recordings'));
  host = new LabHost(engine, undefined, { recordings });
  shell = await startBrowserShell(host, { staticDir: dir, port: 0, recordings });
});

afterEach(async () => {
  await shell.close();
  await host.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** GET `path` from the shell: status, headers and body. */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const request = http.get(
        {
          host: '127.0.0.1',
          port: shell.port,
          path,
          headers: { Host: `127.0.0.1:${shell.port}`, ...headers },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      request.on('error', reject);
    },
  );
}

describe('Record in the window, host side: status in the batches, the file kept by the host (issue 12)', () => {
  it('records while the server runs, reports its size as it grows, and stops on Stop', async () => {
    const statuses: RecordingStatus[] = [];
    host.subscribe({ send: (delta: LabDelta) => delta.recording && statuses.push(delta.recording) });
    expect(await host.command('startRecording', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_RUNNING' },
    });
    const started = await host.command('startServer', { host: '127.0.0.1', port: 0 });
    if (!started.ok) throw new Error(started.error.message);
    const recording = await host.command('startRecording', {});
    expect(recording).toMatchObject({ ok: true, value: { active: { iterations: 0 }, last: null } });
    expect(await host.command('startRecording', {})).toMatchObject({
      ok: false,
      error: { code: 'RECORDING' },
    });
    const socket = await connectClient(started.value.port);
    for (let i = 0; i < 5; i++) await echoOnce(socket, Buffer.from(`line ${i}\n`));
    // Size so far: the batches say so once the first block reaches the disk (at most a second).
    await waitUntil(() => (statuses.at(-1)?.active?.bytes ?? 0) > 0, 'the size so far');
    socket.destroy();
    const stopped = await host.command('stopRecording', {});
    if (!stopped.ok) throw new Error(stopped.error.message);
    const { last } = stopped.value;
    expect(stopped.value.active).toBeNull();
    expect(last?.name).toMatch(/^socket-lab-\d{4}-\d{2}-\d{2}-\d{6}\.slrec\.gz$/);
    expect(last?.iterations).toBeGreaterThanOrEqual(10);
    const bytes = await readFile(join(dir, 'recordings', last?.name ?? ''));
    expect(last?.bytes).toBe(bytes.length);
    const replay = await Replay.open(bytesSource(bytes, 'r'));
    expect(replay.ok && replay.value.catalog.warnings).toEqual([]);
    expect(host.snapshot().recording).toEqual(stopped.value);
  });

  it('a recording ends when the server stops, and says so', async () => {
    const started = await host.command('startServer', { host: '127.0.0.1', port: 0 });
    expect(started.ok).toBe(true);
    await host.command('startRecording', {});
    await host.command('stopServer', {});
    await waitUntil(() => recordings.status().last !== null, 'the recording to end');
    const name = recordings.status().last?.name ?? '';
    const text = (await get(`/recordings/${name}?token=${shell.token}`)).body;
    const replay = await Replay.open(bytesSource(text, name));
    expect(replay.ok).toBe(true);
    // The replay bar tells it from the end line, read from the file's last member.
    expect(replay.ok && replay.value.catalog.end?.reason).toBe('server-stopped');
    const { gunzipSync } = await import('node:zlib');
    expect(gunzipSync(text).toString().trimEnd().split('\n').at(-1)).toMatch(
      /"type":"end".*"reason":"server-stopped"/,
    );
  });

  it("downloads only the lab's own recordings, with the token and the exact Host", async () => {
    const started = await host.command('startServer', { host: '127.0.0.1', port: 0 });
    expect(started.ok).toBe(true);
    await host.command('startRecording', {});
    const stopped = await host.command('stopRecording', {});
    const name = stopped.ok ? (stopped.value.last?.name ?? '') : '';
    const file = await get(`/recordings/${name}?token=${shell.token}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toBe(`attachment; filename="${name}"`);
    expect(file.body).toEqual(await readFile(join(dir, 'recordings', name)));
    expect((await get(`/recordings/${name}?token=wrong`)).status).toBe(401);
    expect((await get(`/recordings/${name}`)).status).toBe(401);
    expect((await get(`/recordings/${name}?token=${shell.token}`, { Host: 'evil.example' })).status).toBe(
      421,
    );
    for (const path of [
      '..%2Findex.html',
      '..%2F..%2Fetc%2Fpasswd',
      'index.html',
      'socket-lab-2026-01-01-000000.slrec.gz',
    ])
      expect((await get(`/recordings/${path}?token=${shell.token}`)).status, path).toBe(404);
  });
});
