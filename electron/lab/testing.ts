/**
 * Test support for the engine: real sockets on 127.0.0.1, and waits that
 * re-check a condition on engine events (never a sleep), with a deadline.
 */
import { createHash } from 'node:crypto';
import net from 'node:net';
import { afterEach } from 'vitest';
import type { Action, EngineOptions, Fidelity } from '../../shared/engine';
import { SelectServer } from './select-server';

const running: SelectServer[] = [];
const sockets: net.Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

/** A started engine on an ephemeral port, stopped after the test. */
export async function startEngine(
  options: Partial<EngineOptions> = {},
  fidelity: Fidelity = 'safe',
): Promise<{ server: SelectServer; port: number }> {
  const server = new SelectServer(options, fidelity);
  running.push(server);
  const started = await server.start('127.0.0.1', 0);
  if (!started.ok) throw new Error(started.error.message);
  return { server, port: started.value.port };
}

/** A connected client that records everything it receives. */
export interface Client {
  socket: net.Socket;
  received(): Buffer;
  receivedBytes(): number;
  /** Resolves with everything received once the server's EOF (or a close) arrives. */
  ended: Promise<Buffer>;
  /** Resolves once at least `bytes` have arrived. */
  receivedAtLeast(bytes: number): Promise<Buffer>;
}

export function connect(port: number, host = '127.0.0.1'): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host, allowHalfOpen: true });
    sockets.push(socket);
    const chunks: Buffer[] = [];
    let bytes = 0;
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      bytes += chunk.length;
    });
    const ended = new Promise<Buffer>((done) => socket.once('close', () => done(Buffer.concat(chunks))));
    socket.on('end', () => socket.end());
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      socket.on('error', () => {});
      const received = (): Buffer => Buffer.concat(chunks);
      const receivedAtLeast = (wanted: number): Promise<Buffer> =>
        new Promise((done) => {
          const check = (): void => {
            if (bytes < wanted) return;
            socket.off('data', check);
            done(received());
          };
          socket.on('data', check);
          check();
        });
      resolve({ socket, received, receivedBytes: () => bytes, ended, receivedAtLeast });
    });
  });
}

/**
 * Resolves once `condition()` holds, re-checked whenever `subscribe`'s callback fires (and every
 * `pollMs`). `what` names the wait in the timeout error; a function is asked then, for the state at the time.
 */
export function waitUntil(
  condition: () => boolean,
  what: string | (() => string),
  subscribe: (check: () => void) => () => void = () => () => undefined,
  ms = 10_000,
  pollMs = 50,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      clearTimeout(deadline);
      clearInterval(poll);
      unsubscribe();
      if (error) reject(error);
      else resolve();
    };
    const check = () => {
      if (condition()) finish();
    };
    const deadline = setTimeout(() => {
      const described = typeof what === 'function' ? what() : what;
      finish(new Error(`timed out after ${ms} ms waiting for ${described}`));
    }, ms);
    // The poll is a re-check of the condition, not a sleep standing in for synchronisation.
    const poll = setInterval(check, pollMs);
    const unsubscribe = subscribe(check);
    check();
  });
}

/** Resolves once `condition` holds, re-checked on every engine event; fails after `ms` saying `what`. */
export function waitFor(
  server: SelectServer,
  condition: () => boolean,
  what: string | (() => string),
  ms = 10_000,
): Promise<void> {
  const subscribe = (check: () => void) => {
    const offs = [server.on('state', check), server.on('iteration', check), server.on('action', check)];
    return () => offs.forEach((off) => off());
  };
  return waitUntil(condition, what, subscribe, ms);
}

/** Every action of every iteration, as it runs. */
export function recordActions(server: SelectServer): Action[] {
  const actions: Action[] = [];
  server.on('action', (action) => actions.push(action));
  return actions;
}

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random bytes mixed with multi-byte UTF-8 text, so characters straddle recv() chunk boundaries. */
export function payload(size: number, next: () => number): Buffer {
  const text = Buffer.from('héllo wörld ✓ 🚀 селект ', 'utf8');
  const data = Buffer.alloc(size);
  for (let i = 0; i < size;) {
    if (next() < 0.5) {
      const n = Math.min(text.length, size - i);
      text.copy(data, i, 0, n);
      i += n;
    } else {
      data[i++] = Math.floor(next() * 256);
    }
  }
  return data;
}

/** The actions about one socket. */
export const about = (actions: Action[], id: number): Action[] =>
  actions.filter((a) => a.kind !== 'select' && a.id === id);

/** Is process `pid` still there (signal 0 checks without sending anything)? */
export const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
