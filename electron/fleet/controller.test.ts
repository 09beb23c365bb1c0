// @vitest-environment node
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../shared/contract';
import { startEngine, waitFor } from '../lab/testing';
import { spec, startFleet, waitForFleet } from './testing';

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A port nobody listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('FleetController', () => {
  it('spawns echo clients that verify byte-exact and measure round trips', async () => {
    const { port } = await startEngine();
    const fleet = startFleet();
    const spawned = await fleet.spawn(spec({ count: 10, messageSize: 3000 }), { host: '127.0.0.1', port });
    expect(spawned).toEqual({ ok: true, value: { ids: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] } });
    await waitForFleet(
      fleet,
      () => fleet.clients().every((c) => c.verification.state === 'ok' && c.rttP50 !== null),
      '10 verified',
    );
    const summary = fleet.summary();
    expect(summary).toMatchObject({ alive: true, clients: 10, verified: 10, mismatches: 0, bytesLost: 0 });
    expect(summary.rttCounts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const changes = fleet.takeChanges();
    expect(changes.changed).toHaveLength(10);
    expect(fleet.clientByPort(fleet.client(1)!.localPort!)).toBe(1);

    expect(fleet.stopAll()).toEqual({ ok: true, value: null });
    expect(fleet.clients()).toHaveLength(0);
    expect(fleet.takeChanges().removed).toHaveLength(10);
  });

  it('Stop clients closes gracefully: the server sees EOF, not a reset', async () => {
    const { server, port } = await startEngine();
    const closes: string[] = [];
    server.on('action', (a) => {
      if (a.kind === 'close') closes.push(a.reason);
    });
    const fleet = startFleet();
    await fleet.spawn(spec({ count: 5, behaviour: 'stream', messageSize: 64 * 1024 }), {
      host: '127.0.0.1',
      port,
    });
    await waitForFleet(fleet, () => fleet.summary().verified === 5, 'five streaming verified clients');
    fleet.stopAll();
    await waitFor(server, () => closes.length === 5, 'five closes');
    expect(closes.every((reason) => reason === 'flushed' || reason === 'eof')).toBe(true);
  });

  it('reports ECONNREFUSED per client, summarised, and keeps the fleet alive', async () => {
    const fleet = startFleet();
    await fleet.spawn(spec({ count: 3 }), { host: '127.0.0.1', port: await closedPort() });
    await waitForFleet(
      fleet,
      () => fleet.clients().every((c) => c.state === 'error'),
      'three refused clients',
    );
    expect(fleet.clients().map((c) => c.error)).toEqual(['ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED']);
    await waitForFleet(fleet, () => fleet.summary().errors['ECONNREFUSED'] === 3, 'the error summary');
    expect(fleet.summary().alive).toBe(true);
  });

  it('reports a server that stops mid-run as a per-client error', async () => {
    const { server, port } = await startEngine();
    const fleet = startFleet();
    await fleet.spawn(spec({ count: 4, behaviour: 'idle' }), { host: '127.0.0.1', port });
    await waitForFleet(fleet, () => fleet.clients().every((c) => c.state === 'open'), 'four open clients');
    await server.stop();
    await waitForFleet(fleet, () => fleet.clients().every((c) => c.state === 'error'), 'four cut clients');
    expect(fleet.summary().alive).toBe(true);
    expect(Object.values(fleet.summary().errors).reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('sends a custom message from a chosen client, verified like any payload', async () => {
    const { port } = await startEngine();
    const fleet = startFleet();
    const spawned = await fleet.spawn(spec({ count: 2, behaviour: 'idle' }), { host: '127.0.0.1', port });
    if (!spawned.ok) throw new Error(spawned.error.message);
    await waitForFleet(fleet, () => fleet.clients().every((c) => c.state === 'open'), 'two open clients');
    expect(fleet.send(2, Buffer.from('hello, select()'))).toEqual({ ok: true, value: null });
    await waitForFleet(
      fleet,
      () => fleet.client(2)?.verification.state === 'ok',
      'the echo of the custom message',
    );
    expect(fleet.client(2)).toMatchObject({ bytesSent: 15, bytesEchoed: 15 });
    expect(fleet.client(1)).toMatchObject({ bytesSent: 0 });
    expect(fleet.send(99, Buffer.from('x'))).toMatchObject({ ok: false, error: { code: 'NO_SUCH_CLIENT' } });
  });

  it('notices the fleet process dying, says so, and a new spawn works (issue 5, test 4)', async () => {
    const { port } = await startEngine();
    const fleet = startFleet();
    const notices: Notice[] = [];
    fleet.on('notice', (notice) => notices.push(notice));
    await fleet.spawn(spec({ count: 3, behaviour: 'idle' }), { host: '127.0.0.1', port });
    await waitForFleet(fleet, () => fleet.clients().every((c) => c.state === 'open'), 'three open clients');
    const pid = fleet.pid();
    expect(pid).toBeGreaterThan(0);
    process.kill(pid!, 'SIGKILL');
    await waitForFleet(fleet, () => !fleet.summary().alive, 'the fleet to be noticed dead');
    expect(fleet.summary().exit).toBe('was killed by SIGKILL');
    expect(notices).toContainEqual(expect.objectContaining({ level: 'error', code: 'FLEET_DOWN' }));
    expect(fleet.clients().every((c) => c.state === 'error' && c.error === 'FLEET_DOWN')).toBe(true);

    const again = await fleet.spawn(spec({ count: 2 }), { host: '127.0.0.1', port });
    expect(again.ok).toBe(true);
    await waitForFleet(
      fleet,
      () => fleet.clients().length === 2 && fleet.clients().every((c) => c.verification.state === 'ok'),
      'two new verified clients',
    );
    expect(fleet.summary()).toMatchObject({ alive: true, exit: null });
    expect(fleet.pid()).not.toBe(pid);
  });

  it('leaves no process behind when disposed', async () => {
    const fleet = startFleet();
    await fleet.spawn(spec({ count: 1 }), { host: '127.0.0.1', port: await closedPort() });
    const pid = fleet.pid()!;
    await fleet.dispose();
    expect(() => process.kill(pid, 0)).toThrow();
  });
});

describe('lifetimes and ramp-up', () => {
  it('closes after its lifetime and reconnects, still verified, counters adding up', async () => {
    const { port } = await startEngine();
    const fleet = startFleet();
    await fleet.spawn(
      spec({ count: 1, messageSize: 100, intervalMs: 20, lifetimeMs: 300, reconnect: true }),
      {
        host: '127.0.0.1',
        port,
      },
    );
    await waitForFleet(
      fleet,
      () => fleet.client(1)?.state === 'open' && fleet.client(1)?.localPort !== null,
      'open',
    );
    const firstPort = fleet.client(1)!.localPort;
    await waitForFleet(
      fleet,
      () => fleet.client(1)?.state === 'open' && fleet.client(1)?.localPort !== firstPort,
      'a second connection from a new port',
    );
    const client = fleet.client(1)!;
    expect(client.verification).toEqual({ state: 'ok' });
    expect(client.bytesEchoed).toBeGreaterThan(100);
  });

  it('ramps connections up at the asked rate', async () => {
    const { server, port } = await startEngine();
    const accepts: number[] = [];
    server.on('action', (a) => {
      if (a.kind === 'accept') accepts.push(performance.now());
    });
    const fleet = startFleet();
    await fleet.spawn(spec({ count: 11, behaviour: 'idle', connectRate: 50 }), { host: '127.0.0.1', port });
    await waitForFleet(fleet, () => fleet.clients().every((c) => c.state === 'open'), 'eleven open clients');
    await waitFor(server, () => accepts.length === 11, 'eleven accepts');
    // 11 connections at 50 a second: the last one starts 200 ms after the first.
    expect(accepts.at(-1)! - accepts[0]!).toBeGreaterThanOrEqual(150);
  });
});
