// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { EngineOptions, Fidelity, IterationRecord } from '../../shared/engine';
import { connect, recordActions, startEngine, waitFor, waitUntil } from './testing';
import { endsOf, kernelHas, resetAndWait, serverSideOf, TCP } from './testing-kernel';

/**
 * select() answers what the kernel holds at the call. Each test waits until the
 * kernel has what the client did (read from /proc/net/tcp), then steps at once,
 * with no wait on the engine: the engine must let Node catch up by itself.
 */

async function stepper(options: Partial<EngineOptions>, fidelity: Fidelity) {
  const started = await startEngine(options, fidelity);
  started.server.setMode('step');
  const step = async (): Promise<IterationRecord> => {
    const result = await started.server.step();
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  return { ...started, step };
}

const kinds = (record: IterationRecord): string[] => record.actions.map((a) => a.kind);

/** Connects and waits until the server's kernel has the connection in its accept queue. */
async function connected(port: number) {
  const client = await connect(port);
  await waitUntil(() => serverSideOf(endsOf(client.socket))?.state === TCP.ESTABLISHED, 'the handshake');
  return client;
}

describe('a FIN that comes with the data', () => {
  it('Tutorial: the second select() returns it readable (EOF) and writable: KeyError, and the 5 bytes are lost', async () => {
    const { server, port, step } = await stepper({ stopOnCrash: true }, 'tutorial');
    const client = await connected(port);
    expect(kinds(await step())).toEqual(['select', 'accept']);
    client.socket.end('hello');
    await kernelHas(client.socket);
    const first = await step();
    expect(first.sets).toEqual({ readable: [1], writable: [], exceptional: [] });
    expect(kinds(first)).toEqual(['select', 'recv', 'put', 'outputs-add']);
    const second = await step();
    expect(second.sets).toEqual({ readable: [1], writable: [1], exceptional: [] });
    expect(second.actions.slice(1)).toEqual([
      { phase: 'readable', kind: 'eof', id: 1 },
      { phase: 'readable', kind: 'outputs-remove', id: 1, reason: 'closing' },
      { phase: 'readable', kind: 'inputs-remove', id: 1 },
      { phase: 'readable', kind: 'lost', id: 1, bytes: 5, why: 'queue-dropped' },
      { phase: 'readable', kind: 'close', id: 1, reason: 'eof' },
      expect.objectContaining({ phase: 'writable', kind: 'crash', exception: 'KeyError' }),
    ]);
    await waitFor(server, () => server.snapshot().server.state === 'crashed', 'the server to stop');
    expect((await client.ended).length).toBe(0);
  });

  it('Safe: the same client gets its 5 bytes back, then EOF', async () => {
    const { port, step } = await stepper({}, 'safe');
    const client = await connected(port);
    await step();
    client.socket.end('hello');
    await kernelHas(client.socket);
    await step();
    const second = await step();
    expect(second.sets).toEqual({ readable: [1], writable: [1], exceptional: [] });
    expect(kinds(second)).toEqual(['select', 'eof', 'inputs-remove', 'get', 'send']);
    await step();
    expect((await client.ended).toString()).toBe('hello');
  });
});

describe('resets', () => {
  it('Safe: after the echo, an RST makes the socket readable; recv() raises ConnectionResetError and the socket is closed; others are served', async () => {
    const { server, port, step } = await stepper({}, 'safe');
    const steady = await connected(port);
    const rude = await connected(port);
    await step();
    await step();
    rude.socket.write('about to vanish');
    await kernelHas(rude.socket);
    await step(); // recv, put, outputs += #2
    await step(); // send
    await step(); // the queue is empty: outputs -= #2
    expect((await rude.receivedAtLeast(15)).toString()).toBe('about to vanish');
    await resetAndWait(rude.socket);
    const reset = await step();
    expect(reset.sets).toEqual({ readable: [2], writable: [], exceptional: [] });
    expect(reset.actions.slice(1)).toEqual([
      {
        phase: 'readable',
        kind: 'raise',
        id: 2,
        call: 'recv',
        exception: 'ConnectionResetError',
        errno: 'ECONNRESET',
      },
      { phase: 'readable', kind: 'inputs-remove', id: 2 },
      { phase: 'readable', kind: 'close', id: 2, reason: 'error', error: 'ECONNRESET' },
    ]);
    expect(server.snapshot().inputs).toEqual([0, 1]);
    server.setMode('run');
    steady.socket.end('still here');
    expect((await steady.ended).toString()).toBe('still here');
  });

  it('Tutorial: bytes ahead of the reset come first, then recv() raises and the original dies there', async () => {
    const { server, port, step } = await stepper({ stopOnCrash: true }, 'tutorial');
    const client = await connected(port);
    await step();
    const notices: string[] = [];
    server.on('notice', (n) => notices.push(n.code));
    client.socket.write('last words');
    await kernelHas(client.socket);
    await resetAndWait(client.socket);
    const first = await step();
    expect(first.sets.readable).toEqual([1]);
    expect(first.actions[1]).toMatchObject({ kind: 'recv', id: 1, bytes: 10 });
    const second = await step();
    expect(second.sets).toEqual({ readable: [1], writable: [1], exceptional: [] });
    expect(second.actions[1]).toMatchObject({
      kind: 'raise',
      call: 'recv',
      exception: 'ConnectionResetError',
    });
    expect(second.actions[2]).toMatchObject({ kind: 'crash', exception: 'ConnectionResetError' });
    await waitFor(server, () => server.snapshot().server.state === 'crashed', 'the server to stop');
    expect(notices).toContain('ConnectionResetError');
  });

  it('a send to a peer that has closed raises BrokenPipeError at the iteration where the kernel knew', async () => {
    const { server, port, step } = await stepper({ stopOnCrash: true }, 'tutorial');
    const client = await connected(port);
    await step();
    // 3,000 bytes and a full close: the server's kernel answers the first echo with... the client's RST.
    client.socket.end(Buffer.alloc(3000, 7));
    await kernelHas(client.socket);
    client.socket.destroy();
    await step(); // recv 1024
    const second = await step(); // recv 1024, send 1024: the closed client resets
    expect(kinds(second)).toEqual(['select', 'recv', 'put', 'get', 'send']);
    const third = await step();
    expect(third.sets).toEqual({ readable: [1], writable: [1], exceptional: [] });
    expect(third.actions.slice(1).map((a) => a.kind)).toEqual(['recv', 'put', 'get', 'raise', 'crash']);
    expect(third.actions[4]).toMatchObject({ call: 'send', exception: 'BrokenPipeError', errno: 'EPIPE' });
    await waitFor(server, () => server.snapshot().server.state === 'crashed', 'the server to stop');
  });
});

describe('accept', () => {
  it('data that arrived before accept() makes the new socket readable at the next select()', async () => {
    const { port, step } = await stepper({}, 'tutorial');
    const one = await connected(port);
    const two = await connected(port);
    one.socket.write('one');
    two.socket.write('two');
    await Promise.all([kernelHas(one.socket), kernelHas(two.socket)]);
    expect(kinds(await step())).toEqual(['select', 'accept']);
    const second = await step();
    expect(second.sets.readable).toEqual([0, 1]);
    expect(kinds(second)).toEqual(['select', 'accept', 'recv', 'put', 'outputs-add']);
  });

  it('listen(5): six wait in the accept queue, the rest wait for their SYN retry, one second later', async () => {
    const { server, port, step } = await stepper({}, 'safe');
    const clients = await Promise.all(Array.from({ length: 20 }, () => connect(port)));
    await waitFor(server, () => server.snapshot().listener.waiting === 14, '14 connections past the backlog');
    expect(server.snapshot().listener).toMatchObject({ fd: 3, backlog: 5, queued: 6, waiting: 14 });
    for (let i = 0; i < 6; i++) expect(kinds(await step())).toEqual(['select', 'accept']);
    const blocked = await server.step();
    expect(!blocked.ok && blocked.error.code).toBe('NOTHING_READY');
    // The retry, one second after they came: six more find room; eight wait for the next one.
    await waitFor(server, () => server.snapshot().listener.queued === 6, 'the first SYN retry', 5_000);
    expect(server.snapshot().listener.waiting).toBe(8);
    for (let i = 0; i < 6; i++) expect(kinds(await step())).toEqual(['select', 'accept']);
    expect(clients).toHaveLength(20);
  });

  it('listen(5) in Run mode keeps up with connections a millisecond apart while fifty clients ping-pong, as the seed does', async () => {
    // Run mode accepts between arrivals, as the seed's loop does. Holding select() for each
    // arrival (as a Step does, to let a burst land) overflowed the queue here: a third of the
    // connections waited for SYN retries, the last for seconds, where the seed made 1% wait one.
    const { server, port } = await startEngine({ backlog: 5 }, 'safe');
    const busy = await Promise.all(Array.from({ length: 50 }, () => connect(port)));
    let pinging = true;
    for (const { socket } of busy) {
      let echoed = 0;
      socket.on('data', (chunk: Buffer) => {
        echoed += chunk.length;
        for (; echoed >= 1024; echoed -= 1024) if (pinging) socket.write(Buffer.alloc(1024));
      });
      socket.write(Buffer.alloc(1024));
    }
    let mostWaiting = 0;
    server.on('iteration', () => {
      mostWaiting = Math.max(mostWaiting, server.snapshot().listener.waiting);
    });
    const arrivals = [];
    for (let i = 0; i < 100; i++) {
      arrivals.push(connect(port));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await Promise.all(arrivals);
    await waitFor(server, () => server.snapshot().connections.length === 150, 'all 150 accepted');
    pinging = false;
    expect(mostWaiting).toBeLessThanOrEqual(2);
  });
});

describe('descriptors', () => {
  it('each socket gets the lowest free descriptor after the listener (3), reused after a close', async () => {
    const { server, port, step } = await stepper({}, 'safe');
    const a = await connected(port);
    const b = await connected(port);
    await step();
    await step();
    const fds = () => server.snapshot().connections.map((c) => [c.id, c.fd]);
    expect(fds()).toEqual([
      [1, 4],
      [2, 5],
    ]);
    a.socket.end();
    await kernelHas(a.socket);
    await step(); // EOF: #1 closes, fd 4 is free
    const c = await connected(port);
    const accepted = await step();
    expect(accepted.actions[1]).toMatchObject({ kind: 'accept', id: 3, fd: 4 });
    expect(fds()).toEqual([
      [2, 5],
      [3, 4],
    ]);
    expect([b, c]).toHaveLength(2);
  });
});

describe('past FD_SETSIZE', () => {
  it('Safe keeps serving a connection with descriptor 1024, and says once that the original dies there', async () => {
    const { server, port } = await startEngine({ backlog: 2048 }, 'safe');
    const notices: string[] = [];
    server.on('notice', (n) => notices.push(`${n.code}: ${n.message}`));
    const actions = recordActions(server);
    const clients = [];
    for (let i = 0; i < 1021; i++) clients.push(await connect(port));
    await waitFor(server, () => server.snapshot().connections.length === 1021, '1,021 connections accepted');
    const last = server.snapshot().connections.at(-1);
    expect(last?.fd).toBe(1024);
    const lastClient = clients.at(-1);
    lastClient?.socket.end('still served');
    expect((await lastClient?.ended)?.toString()).toBe('still served');
    const warnings = actions.filter((a) => a.kind === 'fd-setsize');
    expect(warnings).toEqual([{ phase: 'readable', kind: 'fd-setsize', id: last?.id, fd: 1024 }]);
    expect(notices.filter((n) => n.startsWith('FD_SETSIZE'))).toEqual([
      expect.stringMatching(/fd 1024, past select\(\)'s FD_SETSIZE \(1024\).*poll\(\) or selectors/),
    ]);
  }, 60_000);
});
