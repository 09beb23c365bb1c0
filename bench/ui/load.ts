/**
 * The UI bench's load (a child process): N connections to 127.0.0.1:port, each
 * echoing a small message every `intervalMs` once told "go", until told "stop"
 * or `maxMs` has passed. Reports echoed messages and bytes when it stops.
 */
import { connect, type Socket } from 'node:net';

interface Start {
  port: number;
  connections: number;
  intervalMs: number;
  maxMs: number;
}

const MESSAGE = Buffer.from('socket-lab ui bench 0123456789\n');
const sockets: Socket[] = [];
const timers: NodeJS.Timeout[] = [];
let echoed = 0;

const tell = (message: object): void => void process.send?.(message);

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
    socket.on('data', (chunk) => {
      echoed += chunk.length;
    });
  });
}

async function start({ port, connections, maxMs }: Start): Promise<void> {
  // Bounded: at most `connections`, 50 at a time.
  for (let i = 0; i < connections; i += 50) {
    const batch = await Promise.all(Array.from({ length: Math.min(50, connections - i) }, () => open(port)));
    for (const socket of batch) socket.on('error', () => undefined);
    sockets.push(...batch);
  }
  tell({ type: 'connected', connections: sockets.length });
  setTimeout(stop, maxMs).unref();
}

function go(intervalMs: number): void {
  sockets.forEach((socket, i) => {
    // Spread the clients over the interval so the load is steady, not a 10 Hz pulse.
    const offset = Math.floor((i / sockets.length) * intervalMs);
    timers.push(
      setTimeout(() => {
        timers.push(setInterval(() => socket.write(MESSAGE), intervalMs));
      }, offset),
    );
  });
}

function stop(): void {
  for (const timer of timers) clearTimeout(timer);
  for (const socket of sockets) socket.destroy();
  tell({ type: 'stopped', echoedBytes: echoed, messageBytes: MESSAGE.length });
  process.exit(0);
}

process.on('message', (message: { type: string } & Partial<Start>) => {
  if (message.type === 'start')
    void start(message as Start).catch((error: Error) => tell({ type: 'error', message: error.message }));
  else if (message.type === 'go') go(message.intervalMs ?? 100);
  else if (message.type === 'stop') stop();
  else if (message.type === 'count') tell({ type: 'count', messages: echoed / MESSAGE.length });
});
process.on('disconnect', stop);
