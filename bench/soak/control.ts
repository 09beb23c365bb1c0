import WebSocket from 'ws';
import type { Notice } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { WS_PATH, type WireMessage } from '../../shared/wire';

/** The soak's own connection to the shell, like a second window: commands, and the notices batches carry. */
export interface Control {
  call<T>(command: string, args: unknown): Promise<Result<T>>;
  notices: Notice[];
  close(): void;
}

export async function connectControl(pageUrl: string): Promise<Control> {
  const url = new URL(pageUrl);
  const token = url.searchParams.get('token') ?? '';
  const socket = new WebSocket(`ws://${url.host}${WS_PATH}?token=${token}`, { origin: `http://${url.host}` });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const notices: Notice[] = [];
  const waiting = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as WireMessage;
    if (message.type === 'delta') notices.push(...message.delta.notices);
    else if (message.id !== null) waiting.get(message.id)?.(message.result);
  });
  return {
    call: <T>(command: string, args: unknown) =>
      new Promise<Result<T>>((resolve) => {
        const id = nextId++;
        waiting.set(id, (result) => {
          waiting.delete(id);
          resolve(result as Result<T>);
        });
        socket.send(JSON.stringify({ id, command, args }));
      }),
    notices,
    close: () => socket.close(),
  };
}
