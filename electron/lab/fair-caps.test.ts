// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ConnectionView } from '../../shared/engine';
import { capReason } from './fair-caps';
import { MESSAGE_OVERHEAD } from './message-queue';
import { connect, recordActions, startEngine, waitFor, type Client } from './testing';

const KiB = 1024;
const MiB = 1024 * KiB;

describe('capReason', () => {
  const caps = { queueCap: 64 * KiB, totalQueueCap: 256 * KiB };
  const ask = (queued: number, total: number, connections = 100, next = 4 * KiB) =>
    capReason({ queued, next, total, connections }, caps);

  it('under the total cap, only the per-connection cap stops a queue', () => {
    expect(ask(0, 0)).toBeNull();
    expect(ask(60 * KiB, 100 * KiB)).toBeNull();
    expect(ask(61 * KiB, 100 * KiB)).toBe('queue-cap');
    expect(ask(10 * KiB, 100 * KiB, 100, 0)).toBeNull(); // nothing to read
    expect(ask(0, 0, 100, 100 * KiB)).toBeNull(); // an empty queue takes one recv, even past the cap
  });

  it('past the total cap, those above their fair share stop; a small or empty queue still reads', () => {
    // 256 KiB ÷ 8 connections = 32 KiB each.
    expect(ask(20 * KiB, 256 * KiB, 8)).toBeNull();
    expect(ask(30 * KiB, 256 * KiB, 8)).toBe('total-cap');
    // 256 KiB ÷ 100 = 2.56 KiB each: a 4 KiB recv is above it, unless the queue is empty.
    expect(ask(1 * KiB, 256 * KiB)).toBe('total-cap');
    expect(ask(0, 256 * KiB)).toBeNull();
  });

  it('past twice the total cap only an empty queue reads', () => {
    expect(ask(1 * KiB, 512 * KiB, 4)).toBe('total-cap');
    expect(ask(0, 10 * MiB, 4)).toBeNull();
  });
});

describe('fair caps on real sockets', () => {
  it('100 clients that send and never read fill the total cap; a new client is still echoed', async () => {
    // The seed's recv(1024): the cap fills to within one recv of full, and one recv is what a new client needs.
    const caps = { recvSize: KiB, queueCap: 64 * KiB, totalQueueCap: 256 * KiB };
    const { server, port } = await startEngine(caps);
    const actions = recordActions(server);
    // Eight send more than loopback's kernel buffers absorb (about 4 MiB here), so their queues
    // fill; the other 92 send a little. None of them reads.
    const flood = Buffer.alloc(8 * MiB, 'f');
    const trickle = Buffer.alloc(16 * KiB, 't');
    const silent: Client[] = [];
    for (let i = 0; i < 100; i++) {
      const client = await connect(port);
      client.socket.pause();
      client.socket.write(i < 8 ? flood : trickle);
      silent.push(client);
    }
    const queued = (): number => server.snapshot().connections.reduce((sum, c) => sum + charged(c), 0);
    await waitFor(
      server,
      () => queued() > caps.totalQueueCap - caps.recvSize - MESSAGE_OVERHEAD,
      () => `the non-readers to fill the total cap (${queued()} B charged)`,
    );

    const fresh = await connect(port);
    const hello = Buffer.alloc(caps.recvSize, 'h');
    fresh.socket.write(hello);
    await waitFor(server, () => fresh.receivedBytes() === hello.length, 'the new client to be echoed');
    expect(fresh.received().equals(hello)).toBe(true);

    const { connections } = server.snapshot();
    const share = caps.totalQueueCap / connections.length;
    const stopped = connections.filter((c) => c.backpressure === 'total-cap');
    expect(actions.some((a) => a.kind === 'backpressure' && a.on && a.reason === 'total-cap')).toBe(true);
    // Never one with an empty queue, and only those a recv would take past their fair share.
    for (const c of stopped) {
      expect(c.queuedBytes).toBeGreaterThan(0);
      expect(charged(c) + Math.min(caps.recvSize, c.recvBuffered) + MESSAGE_OVERHEAD).toBeGreaterThan(share);
    }
    // Memory stays bounded: twice the total cap plus one recv per connection at most.
    const total = connections.reduce((sum, c) => sum + c.queuedBytes, 0);
    expect(total).toBeLessThanOrEqual(2 * caps.totalQueueCap + connections.length * caps.recvSize);
  }, 60_000);

  it('each queued message is charged its overhead: small messages fill a queue by count as well as by bytes', async () => {
    // recv(256): the queue's messages are small, and 64 KiB of them would be 256 by bytes alone.
    const caps = { recvSize: 256, queueCap: 64 * KiB, totalQueueCap: 256 * KiB };
    const { server, port } = await startEngine(caps);
    const client = await connect(port);
    client.socket.pause();
    // More than loopback's kernel buffers absorb, never read: the echoes back up into the queue.
    client.socket.write(Buffer.alloc(8 * MiB, 's'));
    const view = (): ConnectionView | undefined => server.snapshot().connections[0];
    await waitFor(server, () => view()?.backpressure === 'queue-cap', 'the queue to reach its cap');
    const full = view() as ConnectionView;
    expect(charged(full)).toBeLessThanOrEqual(caps.queueCap);
    expect(charged(full)).toBeGreaterThan(caps.queueCap - caps.recvSize - MESSAGE_OVERHEAD);
    // 128 messages of 256 bytes, each charged 512: half of what bytes alone would have let in.
    expect(full.queuedMessages).toBeLessThanOrEqual(caps.queueCap / (caps.recvSize + MESSAGE_OVERHEAD));
    expect(full.queuedBytes).toBeLessThanOrEqual(caps.queueCap / 2);
  }, 60_000);
});

const charged = (c: ConnectionView): number => c.queuedBytes + c.queuedMessages * MESSAGE_OVERHEAD;
