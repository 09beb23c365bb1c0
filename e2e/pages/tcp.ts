import { createServer, connect, type Server, type Socket } from 'node:net';

/** A real TCP client the test drives, with everything it has received so far. */
export interface TestClient {
  socket: Socket;
  localPort: number;
  received(): string;
  /** Resolves once the client has received `text` (the echo), or rejects after `ms`. */
  waitForEcho(text: string, ms?: number): Promise<void>;
  close(): void;
}

/** Opens one client to 127.0.0.1:port. */
export function openClient(port: number): Promise<TestClient> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, allowHalfOpen: true });
    let data = '';
    const waiters = new Set<() => void>();
    socket.on('data', (chunk) => {
      data += chunk.toString('utf8');
      for (const check of waiters) check();
    });
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      socket.on('error', () => undefined); // a reset at teardown is expected
      resolve({
        socket,
        localPort: socket.localPort ?? 0,
        received: () => data,
        waitForEcho: (text, ms = 10_000) =>
          new Promise<void>((done, fail) => {
            const timer = setTimeout(
              () =>
                fail(
                  new Error(`no echo of ${JSON.stringify(text)} in ${ms} ms (got ${JSON.stringify(data)})`),
                ),
              ms,
            );
            const check = (): void => {
              if (!data.includes(text)) return;
              clearTimeout(timer);
              waiters.delete(check);
              done();
            };
            waiters.add(check);
            check();
          }),
        close: () => socket.destroy(),
      });
    });
  });
}

/** Opens `count` clients, a bounded number at a time. */
export async function openClients(port: number, count: number, parallel = 50): Promise<TestClient[]> {
  const clients: TestClient[] = [];
  for (let i = 0; i < count; i += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - i) }, () => openClient(port));
    clients.push(...(await Promise.all(batch)));
  }
  return clients;
}

/** A port free right now on 127.0.0.1 (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = await occupyPort();
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Holds a port busy, as another program would. */
export function occupyPort(port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
