/**
 * Test support for the host and the browser shell: real TCP clients on 127.0.0.1 and
 * waits that re-check a condition when something happens (never a bare sleep), with a deadline.
 */
import net from 'node:net';

// One wait for every test in electron/: the engine's own test support has it.
export { waitUntil } from '../lab/testing';

/** A TCP client connected to `port` on 127.0.0.1 (errors after connecting are ignored: tests assert on state). */
export function connectClient(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      socket.on('error', () => undefined);
      resolve(socket);
    });
  });
}

/** `count` clients, connected `batch` at a time so the listen backlog never overflows. */
export async function connectClients(port: number, count: number, batch = 100): Promise<net.Socket[]> {
  const sockets: net.Socket[] = [];
  for (let i = 0; i < count; i += batch) {
    const n = Math.min(batch, count - i);
    sockets.push(...(await Promise.all(Array.from({ length: n }, () => connectClient(port)))));
  }
  return sockets;
}

/** Sends `message` and resolves once the same number of bytes came back. */
export function echoOnce(socket: net.Socket, message: Buffer, ms = 10_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const timer = setTimeout(() => reject(new Error('no echo in time')), ms);
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      bytes += chunk.length;
      if (bytes < message.length) return;
      clearTimeout(timer);
      socket.off('data', onData);
      resolve(Buffer.concat(chunks));
    };
    socket.on('data', onData);
    socket.write(message);
  });
}
