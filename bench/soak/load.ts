/**
 * The soak's own load (a child process), beside the lab's fleet: clients that send and
 * never read, replaced a few at a time, and reconnect storms, half of whose connections
 * end with a reset. Every loop is bounded and stops when told, or with its parent.
 */
import net from 'node:net';

interface Start {
  port: number;
  silent: number;
  /** What each silent client sends: more than loopback's kernel buffers take, so its queue fills. */
  silentBytes: number;
  stormSize: number;
  stormEveryMs: number;
}

const sockets = new Set<net.Socket>();
const timers: NodeJS.Timeout[] = [];
let stormConnections = 0;
let failedConnects = 0;

function open(port: number): Promise<net.Socket | null> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => resolve(socket));
    socket.once('error', () => {
      failedConnects += 1;
      resolve(null);
    });
    socket.on('error', () => undefined);
  });
}

/** One client that sends `bytes` and never reads a byte back. */
async function silentClient(port: number, payload: Buffer): Promise<void> {
  const socket = await open(port);
  if (!socket) return;
  socket.pause();
  socket.write(payload);
  sockets.add(socket);
  socket.once('close', () => sockets.delete(socket));
}

/** `size` connections at once, each says hello and leaves: a FIN for half, an RST for the rest. */
async function storm(port: number, size: number): Promise<void> {
  for (let i = 0; i < size; i += 100) {
    const batch = await Promise.all(Array.from({ length: Math.min(100, size - i) }, () => open(port)));
    batch.forEach((socket, j) => {
      if (!socket) return;
      stormConnections += 1;
      socket.write('storm');
      if (j % 2 === 0) socket.end();
      else socket.resetAndDestroy();
    });
  }
}

function start(spec: Start): void {
  const payload = Buffer.alloc(spec.silentBytes, 's');
  for (let i = 0; i < spec.silent; i++) void silentClient(spec.port, payload);
  // Rolling: every 10 s a tenth of them leave and as many new ones arrive.
  timers.push(
    setInterval(() => {
      const leaving = [...sockets].slice(0, Math.ceil(spec.silent / 10));
      for (const socket of leaving) socket.destroy();
      for (let i = 0; i < leaving.length; i++) void silentClient(spec.port, payload);
    }, 10_000),
    setInterval(() => void storm(spec.port, spec.stormSize), spec.stormEveryMs),
  );
}

function stop(): void {
  for (const timer of timers) clearInterval(timer);
  for (const socket of sockets) socket.destroy();
  process.send?.({ type: 'stopped', stormConnections, failedConnects });
  process.exit(0);
}

process.on('message', (message: { type: string } & Partial<Start>) => {
  if (message.type === 'start') start(message as Start);
  else if (message.type === 'stop') stop();
});
process.on('disconnect', stop);
