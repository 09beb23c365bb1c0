// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { about, connect, payload, random, recordActions, sha256, startEngine, waitFor } from './testing';

describe('Run mode echo', () => {
  it('reads a 10,000-byte message in recv() chunks of at most 1024 B and echoes it byte-exact', async () => {
    const { server, port } = await startEngine();
    const actions = recordActions(server);
    const client = await connect(port);
    const message = payload(10_000, random(1));
    client.socket.end(message);
    const echoed = await client.ended;
    expect(sha256(echoed)).toBe(sha256(message));
    const recvs = about(actions, 1).filter((a) => a.kind === 'recv');
    expect(recvs.length).toBeGreaterThanOrEqual(10);
    for (const recv of recvs) expect(recv.kind === 'recv' && recv.bytes).toBeLessThanOrEqual(1024);
  });

  it('Safe mode: 200 clients with random payloads of 1 B–256 KiB get every byte back once, in order', async () => {
    // A backlog that admits 200 at once (listen(5) under a burst is readiness.test.ts's subject).
    const { server, port } = await startEngine({ backlog: 511 });
    const next = random(200);
    const clients = await Promise.all(Array.from({ length: 200 }, () => connect(port)));
    const sent = clients.map((client, i) => {
      // Spread sizes over the whole range, with a few at the edges.
      const size = i === 0 ? 1 : i === 1 ? 256 * 1024 : 1 + Math.floor(next() ** 3 * 256 * 1024);
      const data = payload(size, next);
      client.socket.end(data);
      return data;
    });
    const echoed = await Promise.all(clients.map((client) => client.ended));
    for (const [i, data] of sent.entries()) {
      expect(echoed[i]?.length, `client ${i}`).toBe(data.length);
      expect(sha256(echoed[i] as Buffer), `client ${i}`).toBe(sha256(data));
    }
    expect(server.snapshot().totals.bytesLost).toBe(0);
  });

  it('serves 2,000 concurrent connections, each echoing its own message', async () => {
    const { server, port } = await startEngine({ backlog: 511 });
    const clients = [];
    // Connect in waves of fewer than the backlog: nobody waits for a SYN retry.
    for (let wave = 0; wave < 10; wave++)
      clients.push(...(await Promise.all(Array.from({ length: 200 }, () => connect(port)))));
    await waitFor(server, () => server.snapshot().connections.length === 2000, '2,000 accepted connections');
    const messages = clients.map((client, i) => {
      const message = Buffer.from(`client ${i} says ${'x'.repeat(i % 97)}\n`);
      client.socket.end(message);
      return message;
    });
    const echoed = await Promise.all(clients.map((client) => client.ended));
    for (const [i, message] of messages.entries())
      expect(echoed[i]?.equals(message), `client ${i}`).toBe(true);
    await waitFor(server, () => server.snapshot().connections.length === 0, 'every connection closed');
    expect(server.snapshot().inputs).toEqual([0]);
  }, 60_000);
});
