/**
 * Test support: what the kernel holds for TCP sockets on this machine, read from
 * /proc/net/tcp and tcp6 (Linux only). Tests wait on it before stepping, so a
 * select() is asked only once the kernel has what the test sent, and never on a sleep.
 */
import { readFileSync } from 'node:fs';
import type net from 'node:net';
import { waitUntil } from './testing';

/** Linux's TCP states, as /proc/net/tcp numbers them. */
export const TCP = {
  ESTABLISHED: 0x01,
  SYN_SENT: 0x02,
  FIN_WAIT1: 0x04,
  FIN_WAIT2: 0x05,
  CLOSE: 0x07,
  CLOSE_WAIT: 0x08,
  LISTEN: 0x0a,
} as const;

export interface TcpEntry {
  localPort: number;
  remotePort: number;
  state: number;
  /** Bytes sent and not yet acknowledged (for a listener: 0). */
  txQueue: number;
  /** Bytes received and not yet read (for a listener: connections waiting to be accepted). */
  rxQueue: number;
}

export function tcpEntries(): TcpEntry[] {
  const entries: TcpEntry[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 5) continue;
      const [tx, rx] = (f[4] as string).split(':');
      entries.push({
        localPort: parseInt((f[1] as string).split(':')[1] as string, 16),
        remotePort: parseInt((f[2] as string).split(':')[1] as string, 16),
        state: parseInt(f[3] as string, 16),
        txQueue: parseInt(tx as string, 16),
        rxQueue: parseInt(rx as string, 16),
      });
    }
  }
  return entries;
}

/** A client connection's two ports, kept: a destroyed socket forgets them. */
export interface Ends {
  localPort: number;
  remotePort: number;
}

export const endsOf = (socket: net.Socket): Ends => ({
  localPort: socket.localPort ?? 0,
  remotePort: socket.remotePort ?? 0,
});

/** The kernel's entry for a client socket: its side of the connection. */
export function clientEntry(ends: Ends): TcpEntry | undefined {
  return tcpEntries().find((e) => e.localPort === ends.localPort && e.remotePort === ends.remotePort);
}

/** The kernel's entry for the server's side of a client's connection, if it still exists. */
export function serverSideOf(ends: Ends): TcpEntry | undefined {
  return tcpEntries().find((e) => e.localPort === ends.remotePort && e.remotePort === ends.localPort);
}

/**
 * Resolves once the server's kernel has everything the client sent: every byte
 * acknowledged and, after `end()`, its FIN too (the client waits in FIN_WAIT2).
 */
export function kernelHas(socket: net.Socket, what = 'the bytes and FIN the client sent'): Promise<void> {
  const ends = endsOf(socket);
  return waitUntil(() => {
    const entry = clientEntry(ends);
    if (!entry || entry.txQueue > 0) return false;
    return !socket.writableEnded || entry.state === TCP.FIN_WAIT2;
  }, `the server's kernel to hold ${what}`);
}

/** Resets the connection (SO_LINGER 0) and resolves once the server's side is gone: the RST reached it. */
export function resetAndWait(socket: net.Socket): Promise<void> {
  const ends = endsOf(socket);
  socket.resetAndDestroy();
  return waitUntil(() => serverSideOf(ends) === undefined, 'the reset to reach the server');
}
