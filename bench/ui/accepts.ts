import WebSocket from 'ws';
import type { SocketId } from '../../shared/engine';
import type { WireMessage } from '../../shared/wire';
import { WS_PATH } from '../../shared/wire';

/** When a probe was accepted (its iteration's clock), and when a batch first listed it in inputs. */
export interface Accepted {
  at: number;
  /** Date.now() when a batch with the new inputs reached this second window; null if none came. */
  listedAt: number | null;
}

/** Listens to the shell's batches like a second window and notes when each peer port was accepted. */
export async function watchAccepts(
  pageUrl: string,
): Promise<{ acceptedAt(port: number, ms: number): Promise<Accepted | null>; close(): void }> {
  const url = new URL(pageUrl);
  const socket = new WebSocket(`ws://${url.host}${WS_PATH}?token=${url.searchParams.get('token') ?? ''}`, {
    origin: `http://${url.host}`,
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const accepted = new Map<number, Accepted & { id: SocketId }>();
  const waiters = new Map<number, (found: Accepted) => void>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as WireMessage;
    if (message.type !== 'delta') return;
    const arrived = Date.now();
    for (const record of message.delta.iterations) {
      for (const action of record.actions) {
        if (action.kind !== 'accept') continue;
        const port = Number(action.peer.slice(action.peer.lastIndexOf(':') + 1));
        accepted.set(port, { at: record.at, id: action.id, listedAt: null });
      }
    }
    const inputs = message.delta.engine.inputs;
    if (!inputs) return;
    for (const [port, entry] of accepted) {
      if (entry.listedAt !== null || !inputs.includes(entry.id)) continue;
      entry.listedAt = arrived;
      waiters.get(port)?.(entry);
    }
  });
  return {
    acceptedAt: (port, ms) =>
      new Promise((resolve) => {
        const known = accepted.get(port);
        if (known && known.listedAt !== null) return resolve(known);
        const timer = setTimeout(() => {
          waiters.delete(port);
          resolve(accepted.get(port) ?? null); // its record was coalesced away, or never came
        }, ms);
        waiters.set(port, (found) => {
          clearTimeout(timer);
          waiters.delete(port);
          resolve(found);
        });
      }),
    close: () => socket.close(),
  };
}
