import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { adoptWithOwnReads } from './own-reads';

/** A real server on 127.0.0.1:0 whose accepted sockets are adopted; resolves with the adopted socket and its reads. */
async function adoptedPair(): Promise<{
  server: net.Server;
  client: net.Socket;
  adopted: net.Socket;
  reads: Buffer[];
}> {
  const reads: Buffer[] = [];
  const server = net.createServer({ pauseOnConnect: true, allowHalfOpen: true });
  const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const client = net.connect(port, '127.0.0.1');
  const adopted = adoptWithOwnReads(await accepted, (bytes) => reads.push(bytes));
  if (!adopted) throw new Error('not adopted');
  adopted.resume();
  opened.push(server, client, adopted);
  return { server, client, adopted, reads };
}

const opened: (net.Server | net.Socket)[] = [];
afterEach(() => {
  for (const item of opened.splice(0)) {
    if (item instanceof net.Server) item.close();
    else item.destroy();
  }
});

const until = async (done: () => boolean): Promise<void> => {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(done()).toBe(true);
};

describe('adoptWithOwnReads', () => {
  it('delivers every byte of a stream, in order, and small reads at their exact size', async () => {
    const { client, reads } = await adoptedPair();
    const small = Buffer.from('hello');
    client.write(small);
    await until(() => reads.length === 1);
    // A small read is copied out to a buffer of its own size: it pins nothing else.
    expect(reads[0]).toEqual(small);
    expect(reads[0]?.buffer.byteLength).toBe(small.length);

    const big = randomBytes(4 * 1024 * 1024);
    client.write(big);
    const total = (): number => reads.reduce((sum, r) => sum + r.length, 0);
    await until(() => total() === small.length + big.length);
    // Buffer.equals, not toEqual: a deep compare of 4 MiB element by element takes seconds.
    expect(Buffer.concat(reads.slice(1)).equals(big)).toBe(true);
    // Big reads are kept where they landed: several share one 64 KiB slab, none is copied.
    const slabs = new Set(reads.slice(1).map((r) => r.buffer));
    expect(slabs.size).toBeLessThan(reads.length - 1);
  });

  it('keeps the events of a net.Socket: end after the bytes, and writes reach the peer', async () => {
    const { client, adopted, reads } = await adoptedPair();
    const ended = new Promise<void>((resolve) => adopted.once('end', resolve));
    client.end('bye');
    await ended;
    expect(Buffer.concat(reads).toString()).toBe('bye');
    const echoed = new Promise<string>((resolve) =>
      client.once('data', (d: Buffer) => resolve(d.toString())),
    );
    adopted.write('back');
    expect(await echoed).toBe('back');
  });

  it('leaves the server counting no connection for the old socket', async () => {
    const { server } = await adoptedPair();
    const count = await new Promise<number>((resolve, reject) =>
      server.getConnections((error, n) => (error ? reject(error) : resolve(n))),
    );
    expect(count).toBe(0);
  });

  it('returns null for a socket torn down before it was adopted', async () => {
    const server = net.createServer({ pauseOnConnect: true });
    opened.push(server);
    const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
    opened.push(client);
    const socket = await accepted;
    socket.destroy();
    expect(adoptWithOwnReads(socket, () => {})).toBeNull();
  });
});
