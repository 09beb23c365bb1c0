/** Test support for running out of file descriptors on purpose, on real sockets. */
import { spawnSync } from 'node:child_process';
import net from 'node:net';

/** `command` run with at most `files` descriptors (soft and hard): prlimit where it exists, else sh's ulimit. */
export function limitedCommand(files: number, command: string[]): string[] {
  const hasPrlimit = spawnSync('prlimit', ['--version'], { stdio: 'ignore' }).status === 0;
  return hasPrlimit
    ? ['prlimit', `--nofile=${files}:${files}`, ...command]
    : ['/bin/sh', '-c', `ulimit -n ${files} && exec "$0" "$@"`, ...command];
}

/**
 * `count` connections to 127.0.0.1:`port`, 50 at a time; each settles once connected or
 * refused (a server out of descriptors resets it), so none is left waiting.
 */
export async function openMany(port: number, count: number): Promise<net.Socket[]> {
  const sockets: net.Socket[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from(
      { length: Math.min(50, count - i) },
      () =>
        new Promise<net.Socket>((resolve) => {
          const socket = net.connect({ port, host: '127.0.0.1' });
          socket.on('error', () => resolve(socket));
          socket.once('connect', () => resolve(socket));
        }),
    );
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}
