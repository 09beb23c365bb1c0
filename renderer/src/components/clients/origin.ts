import type { ClientView } from '../../../../shared/fleet';
import { useLabStore } from '../../store/lab-store';

const indexes = new WeakMap<Map<number, ClientView>, Map<number, number>>();

/** Local port → client id, built once per clients Map (the store replaces the Map on change). */
function portIndex(clients: Map<number, ClientView>): Map<number, number> {
  let index = indexes.get(clients);
  if (!index) {
    index = new Map();
    for (const client of clients.values())
      if (client.localPort !== null) index.set(client.localPort, client.id);
    indexes.set(clients, index);
  }
  return index;
}

/** The port of a "host:port" or "[v6]:port" peer address. */
const peerPort = (peer: string): number => Number(peer.slice(peer.lastIndexOf(':') + 1));

/**
 * The fleet client behind a server connection's peer, or null for an external
 * client (nc, the user's own program). Derived in the window, so it is right
 * as soon as the client's port is known, however the batches arrived.
 */
export function usePeerClient(peer: string | undefined): number | null {
  return useLabStore((s) => (peer ? (portIndex(s.clients).get(peerPort(peer)) ?? null) : null));
}
