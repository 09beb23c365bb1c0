import WebSocket from 'ws';
import type { WireMessage } from '../../shared/wire';
import { WS_PATH } from '../../shared/wire';

/** Listens to the shell's batches like a second window and notes when each peer port was accepted. */
export async function watchAccepts(
  pageUrl: string,
): Promise<{ acceptedAt(port: number, ms: number): Promise<number | null>; close(): void }> {
  const url = new URL(pageUrl);
  const socket = new WebSocket(`ws://${url.host}${WS_PATH}?token=${url.searchParams.get('token') ?? ''}`, {
    origin: `http://${url.host}`,
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const accepted = new Map<number, number>();
  const waiters = new Map<number, (at: number) => void>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as WireMessage;
    if (message.type !== 'delta') return;
    for (const record of message.delta.iterations) {
      for (const action of record.actions) {
        if (action.kind !== 'accept') continue;
        const port = Number(action.peer.slice(action.peer.lastIndexOf(':') + 1));
        accepted.set(port, record.at);
        waiters.get(port)?.(record.at);
      }
    }
  });
  return {
    acceptedAt: (port, ms) =>
      new Promise((resolve) => {
        const known = accepted.get(port);
        if (known !== undefined) return resolve(known);
        const timer = setTimeout(() => {
          waiters.delete(port);
          resolve(null); // its record was coalesced away, or never came
        }, ms);
        waiters.set(port, (at) => {
          clearTimeout(timer);
          waiters.delete(port);
          resolve(at);
        });
      }),
    close: () => socket.close(),
  };
}
