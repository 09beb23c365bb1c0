// @vitest-environment node
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { SelectServer } from './select-server';
import { connect, payload, random, recordActions, sha256, startEngine, waitFor } from './testing';

const KiB = 1024;

describe('queue caps', () => {
  it('a flood while halted in Step mode stays within the caps, and reading resumes below them', async () => {
    const caps = {
      recvSize: 16 * KiB,
      queueCap: 256 * KiB,
      totalQueueCap: 512 * KiB,
      recvBufferSize: 64 * KiB,
      sendBufferSize: 64 * KiB,
    };
    const { server, port } = await startEngine(caps);
    server.setMode('step');
    const actions = recordActions(server);
    const clients = await Promise.all(Array.from({ length: 4 }, () => connect(port)));
    const sent = clients.map((client, i) => {
      client.socket.pause();
      // More than loopback's kernel buffers absorb, so the echo path backs up to the queues.
      const data = payload(16 * 1024 * KiB, random(70 + i));
      client.socket.end(data);
      return data;
    });
    // Step until select() would block with every receive buffer full: nothing more can arrive.
    const ready = (): boolean => {
      const pending = server.pending();
      return (
        pending !== null && pending.readable.length + pending.writable.length + pending.exceptional.length > 0
      );
    };
    const saturated = (): boolean =>
      server.snapshot().connections.every((c) => c.recvBuffered >= caps.recvBufferSize);
    let steps = 0;
    for (; steps < 20_000; steps++) {
      const step = await server.step();
      if (!step.ok) {
        expect(step.error.code).toBe('NOTHING_READY');
        // The network keeps going while halted: bytes pile up until TCP pushes back.
        await waitFor(server, () => ready() || saturated(), 'the next ready socket or full buffers');
        if (!ready()) break;
      }
      const snapshot = server.snapshot();
      let total = 0;
      for (const c of snapshot.connections) {
        expect(c.queuedBytes).toBeLessThanOrEqual(caps.queueCap);
        // One Node read (≤ 64 KiB) may land after the pause that the buffer cap asked for.
        expect(c.recvBuffered).toBeLessThanOrEqual(caps.recvBufferSize + 64 * KiB);
        total += c.queuedBytes;
      }
      // Past the total cap only queues under their fair share grow (fair-caps.ts): bounded at twice it.
      expect(total).toBeLessThanOrEqual(2 * caps.totalQueueCap + clients.length * caps.recvSize);
    }
    expect(steps).toBeLessThan(20_000);
    expect(actions.some((a) => a.kind === 'backpressure' && a.on)).toBe(true);
    // Most of the 64 MiB is still with the clients or the kernel: memory stayed bounded.
    const held = server.snapshot().connections.reduce((sum, c) => sum + c.queuedBytes + c.recvBuffered, 0);
    expect(held).toBeLessThan(2 * caps.totalQueueCap + 4 * (caps.recvSize + caps.recvBufferSize + 64 * KiB));

    for (const client of clients) client.socket.resume();
    server.setMode('run');
    const echoed = await Promise.all(clients.map((client) => client.ended));
    for (const [i, data] of sent.entries())
      expect(sha256(echoed[i] as Buffer), `client ${i}`).toBe(sha256(data));
    expect(actions.some((a) => a.kind === 'backpressure' && !a.on)).toBe(true);
  }, 30_000);

  it('refuses connections beyond the limit, and serves the others', async () => {
    const { server, port } = await startEngine({ maxConnections: 2 });
    const actions = recordActions(server);
    const a = await connect(port);
    const b = await connect(port);
    const c = await connect(port);
    await waitFor(server, () => actions.some((x) => x.kind === 'reject'), 'the third to be rejected');
    expect(actions.find((x) => x.kind === 'reject')).toMatchObject({ kind: 'reject', id: 3, limit: 2 });
    expect((await c.ended).length).toBe(0);
    a.socket.end('a');
    b.socket.end('b');
    expect((await a.ended).toString() + (await b.ended).toString()).toBe('ab');
  });
});

describe('bad input', () => {
  it('answers each with its code and a clear message, and keeps working', async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const busyPort = (busy.address() as net.AddressInfo).port;
    const server = new SelectServer();
    const expectError = async (
      result:
        | Promise<{ ok: boolean; error?: { code: string; message: string } }>
        | { ok: boolean; error?: { code: string; message: string } },
      code: string,
      message: RegExp,
    ) => {
      const r = await result;
      expect(r.ok).toBe(false);
      expect(r.error?.code).toBe(code);
      expect(r.error?.message).toMatch(message);
    };
    await expectError(
      server.start('127.0.0.1', busyPort),
      'EADDRINUSE',
      new RegExp(`Port ${busyPort} on 127.0.0.1 is already in use`),
    );
    await expectError(server.start('127.0.0.1', 70000), 'BAD_PORT', /0 to 65535/);
    await expectError(server.start('127.0.0.1', -1), 'BAD_PORT', /0 to 65535/);
    await expectError(server.start('127.0.0.1', 1.5), 'BAD_PORT', /whole number/);
    await expectError(
      server.start('no-such-host.invalid', 0),
      'BAD_HOST',
      /Unknown host "no-such-host.invalid"/,
    );
    await expectError(server.start('not a host!', 0), 'BAD_HOST', /neither an IP address nor a host name/);
    await expectError(server.start('192.0.2.1', 0), 'EADDRNOTAVAIL', /not an address of this machine/);
    await expectError(server.stop(), 'NOT_RUNNING', /not running/);
    await expectError(await server.step(), 'NOT_RUNNING', /Start the server/);
    await expectError(server.setMode('sideways' as 'run'), 'BAD_ARGUMENT', /Unknown mode/);
    await expectError(server.setFidelity('sloppy' as 'safe'), 'BAD_ARGUMENT', /Unknown fidelity/);
    await expectError(server.setOptions({ recvSize: 0 }), 'BAD_ARGUMENT', /recvSize/);
    await expectError(
      server.setOptions({ queueCap: 100, recvSize: 1024 }),
      'BAD_ARGUMENT',
      /must hold at least one recv/,
    );
    expect(server.snapshot().server.state).toBe('stopped');

    const started = await server.start('127.0.0.1', 0);
    if (!started.ok) throw new Error(started.error.message);
    await expectError(server.start('127.0.0.1', 0), 'ALREADY_RUNNING', /already listening/);
    await expectError(await server.step(), 'NOT_STEPPING', /Step mode/);
    const client = await connect(started.value.port);
    client.socket.end('still works');
    expect((await client.ended).toString()).toBe('still works');
    await server.stop();
    busy.close();
  });
});

describe('stop and restart', () => {
  it('closes every connection, releases the port, and starts again on it', async () => {
    const { server, port } = await startEngine();
    const clients = await Promise.all(Array.from({ length: 5 }, () => connect(port)));
    await waitFor(server, () => server.snapshot().connections.length === 5, 'all accepted');
    const stopped = await server.stop();
    expect(stopped.ok && stopped.value.state).toBe('stopped');
    await Promise.all(clients.map((client) => client.ended));
    expect(server.snapshot()).toMatchObject({ inputs: [], outputs: [], connections: [] });
    // The port is free: a plain server can take it, then the engine again.
    const probe = net.createServer();
    await new Promise<void>((resolve, reject) =>
      probe.once('error', reject).listen(port, '127.0.0.1', resolve),
    );
    await new Promise((resolve) => probe.close(resolve));
    const run = server.snapshot().run;
    const again = await server.start('127.0.0.1', port);
    expect(again.ok && again.value.port).toBe(port);
    // A new run: the window starts its history afresh on it.
    expect(server.snapshot()).toMatchObject({ run: run + 1, iteration: 0 });
    const client = await connect(port);
    client.socket.end('again');
    expect((await client.ended).toString()).toBe('again');
  });
});
