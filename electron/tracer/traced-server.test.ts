// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../shared/contract';
import type { Action, IterationRecord } from '../../shared/engine';
import { connect, waitUntil, type Client } from '../lab/testing';
import { kernelHas } from '../lab/testing-kernel';
import { python3, seedFile } from './testing';
import { TracedServer } from './traced-server';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const hasPython = python3() !== null;
if (!hasPython) console.log('Tracer tests skipped: python3 is not installed (.ci/run installs it).');

const servers: TracedServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

/** A traced program, started, with what it records and says. */
async function trace(args: string[], options: { step?: boolean; quietMs?: number } = {}) {
  const server = new TracedServer({ args }, options.quietMs);
  servers.push(server);
  const records: IterationRecord[] = [];
  const notices: Notice[] = [];
  server.on('iteration', (record) => records.push(record));
  server.on('notice', (notice) => notices.push(notice));
  if (options.step) server.setMode('step');
  const started = await server.start();
  return { server, started, records, notices };
}

const listening = (server: TracedServer): Promise<number> =>
  waitUntil(() => server.snapshot().server.state === 'listening', 'the program to listen').then(
    () => server.snapshot().server.port,
  );

const actions = (records: IterationRecord[]): Action[] => records.flatMap((r) => r.actions);

async function echoOnce(client: Client, text: string): Promise<void> {
  const before = client.receivedBytes();
  client.socket.write(text);
  expect((await client.receivedAtLeast(before + text.length)).subarray(before).toString()).toBe(text);
}

describe.skipIf(!hasPython)('a real program under the tracer', () => {
  it('the seed itself: its records say what its clients did — accepts, bytes in and out, by descriptor', async () => {
    const { server, records } = await trace([seedFile()]);
    const port = await listening(server);
    const clients = [await connect(port), await connect(port), await connect(port)];
    for (const [i, client] of clients.entries()) await echoOnce(client, `hello from ${i}`);
    await waitUntil(() => server.snapshot().totals.bytesOut === 36, 'the echoes in the records');
    const all = actions(records);
    const accepts = all.filter((a) => a.kind === 'accept');
    expect(accepts.map((a) => a.kind === 'accept' && a.fd)).toEqual([4, 5, 6]);
    expect(accepts.map((a) => a.kind === 'accept' && a.peer)).toEqual(
      clients.map((c) => `127.0.0.1:${c.socket.localPort}`),
    );
    const bytes = (kind: 'recv' | 'send') =>
      all.reduce(
        (sum, a) =>
          sum +
          (a.kind === 'recv' && kind === 'recv'
            ? a.bytes
            : a.kind === 'send' && kind === 'send'
              ? a.sent
              : 0),
        0,
      );
    expect(bytes('recv')).toBe(36);
    expect(bytes('send')).toBe(36);
    const snapshot = server.snapshot();
    expect(snapshot.program?.api).toBe('select');
    expect(snapshot.inputs).toHaveLength(4);
    expect(snapshot.connections.map((c) => c.fd)).toEqual([4, 5, 6]);
    // Each record: the lists passed in, the sets returned, what it did, and the lists passed next.
    const first = records[0];
    expect(first?.inputs).toEqual([0]);
    expect(first?.sets.readable).toEqual([0]);
    expect(first?.after.inputs).toHaveLength(2);
  });

  it('the seed, for real: a client that sends and shuts its side at once kills it with KeyError, traceback and all', async () => {
    // Halted until the kernel holds the bytes and the FIN together, as a client's one segment would bring them.
    const { server, notices } = await trace([seedFile()], { step: true });
    const port = await listening(server);
    const client = await connect(port);
    await waitUntil(() => server.snapshot().pending?.readable.includes(0) ?? false, 'the connection');
    await server.step();
    client.socket.end('hello');
    await kernelHas(client.socket);
    server.setMode('run');
    await waitUntil(() => server.snapshot().server.state === 'crashed', 'the seed to die');
    const { program } = server.snapshot();
    expect(program?.traceback).toMatch(/KeyError/);
    expect(program?.exit).toBe('exited with status 1');
    expect(notices.map((n) => n.code)).toContain('CRASH');
    expect(
      server
        .history()
        .flatMap((r) => r.actions)
        .at(-1),
    ).toMatchObject({ kind: 'crash', exception: 'KeyError' });
  });

  it.each([
    ['asyncio', ['asyncio_echo.py'], 'epoll'],
    ['selectors (default)', ['selectors_echo.py'], 'epoll'],
    ['selectors.PollSelector', ['selectors_echo.py', 'PollSelector'], 'poll'],
    ['selectors.SelectSelector', ['selectors_echo.py', 'SelectSelector'], 'select'],
  ] as const)('%s: an echo server’s loop, one record per call of its selector', async (_name, args, api) => {
    const { server, records } = await trace([fixture(args[0]), ...args.slice(1)]);
    const port = await listening(server);
    const client = await connect(port);
    await echoOnce(client, 'ping');
    await echoOnce(client, 'pong');
    await waitUntil(() => server.snapshot().totals.bytesOut === 8, 'the echoes in the records');
    expect(server.snapshot().program?.api).toBe(api);
    const all = actions(records);
    expect(all.filter((a) => a.kind === 'accept')).toHaveLength(1);
    expect(all.filter((a) => a.kind === 'recv').map((a) => a.kind === 'recv' && a.bytes)).toEqual([4, 4]);
    // A socket the selector watches for reading shows up in the record's inputs.
    const id = all.find((a) => a.kind === 'accept')?.id;
    expect(records.some((r) => id !== undefined && r.sets.readable.includes(id))).toBe(true);
  });

  it('Step mode: the program halts before each select() and makes one pass per step', async () => {
    const { server } = await trace([seedFile()], { step: true });
    const port = await listening(server);
    await waitUntil(() => server.snapshot().pending !== null, 'the first select() call');
    const nothing = await server.step();
    expect(!nothing.ok && nothing.error.code).toBe('NOTHING_READY');
    const client = await connect(port);
    await waitUntil(
      () => server.snapshot().pending?.readable.includes(0) ?? false,
      'select() to have a connection',
    );
    const accepted = await server.step();
    expect(accepted.ok && accepted.value.actions.map((a) => a.kind)).toEqual(['select', 'accept']);
    client.socket.write('one step');
    const id = server.snapshot().connections[0]?.id ?? -1;
    await waitUntil(() => server.snapshot().pending?.readable.includes(id) ?? false, 'the bytes');
    const read = await server.step();
    expect(read.ok && read.value.actions.map((a) => a.kind)).toEqual(['select', 'recv']);
    expect(client.receivedBytes()).toBe(0);
    const sent = await server.step();
    expect(sent.ok && sent.value.actions.map((a) => a.kind)).toEqual(['select', 'send']);
    expect((await client.receivedAtLeast(8)).toString()).toBe('one step');
    expect(server.setMode('run').ok).toBe(true);
    await echoOnce(client, 'and run');
  });
});

describe.skipIf(!hasPython)('bad input, each with a clear message; the lab keeps working', () => {
  it('no python3', async () => {
    const server = new TracedServer({ python: 'python3-that-is-not-here', args: [seedFile()] });
    const started = await server.start();
    expect(!started.ok && started.error).toMatchObject({
      code: 'NO_PYTHON',
      message: expect.stringMatching(/not found/),
    });
  });

  it('a path that does not exist', async () => {
    const { started } = await trace(['/no/such/server.py']);
    expect(!started.ok && started.error).toMatchObject({
      code: 'NO_SUCH_FILE',
      message: expect.stringContaining('/no/such/server.py'),
    });
  });

  it('a program that exits at once', async () => {
    const { server, notices } = await trace([fixture('exits_at_once.py')]);
    await waitUntil(() => server.snapshot().program?.exit !== null, 'the program to exit');
    expect(server.snapshot().program?.exit).toBe('exited with status 4');
    expect(notices.find((n) => n.code === 'EXITED')?.message).toMatch(
      /before its first select\(\).*nothing to serve/,
    );
  });

  it('a program that never calls select()', async () => {
    const { server, notices } = await trace([fixture('never_selects.py')], { quietMs: 300 });
    await waitUntil(() => notices.some((n) => n.code === 'NO_SELECT'), 'the note');
    expect(server.snapshot().program?.note).toMatch(/has not called select\(\), poll\(\) or epoll\(\) yet/);
  });

  it('a program that crashes: its traceback', async () => {
    const { server } = await trace([fixture('crashes.py')]);
    await waitUntil(() => server.snapshot().server.state === 'crashed', 'the crash');
    expect(server.snapshot().program?.traceback).toMatch(/RuntimeError: the configuration file is missing/);
  });

  it('a program that serves without any selector the tracer knows (threads, blocking sockets)', async () => {
    const { server, notices } = await trace([fixture('threads_echo.py')], { quietMs: 1_000 });
    const port = await listening(server);
    const client = await connect(port);
    await echoOnce(client, 'threads');
    await waitUntil(() => notices.some((n) => n.code === 'NO_SELECT'), 'the note');
    expect(server.snapshot().program?.note).toMatch(/serves connections without a select\(\)/);
  });

  it('a program that writes nonsense on the lab’s channel: the lab stops listening and says so', async () => {
    const { server, notices } = await trace([fixture('talks_nonsense.py')]);
    await waitUntil(() => notices.some((n) => n.code === 'TRACER'), 'the refusal');
    expect(notices.find((n) => n.code === 'TRACER')?.message).toMatch(/an event that is not the tracer's/);
    expect(server.snapshot().program?.exit).toBeNull();
  });
});
