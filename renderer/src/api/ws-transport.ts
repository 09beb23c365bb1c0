import { COMMAND_NAMES, type CommandName, type LabApi, type LabDelta } from '../../../shared/contract';
import { fail, type Result } from '../../../shared/result';
import type { WireMessage } from '../../../shared/wire';

/** The transport's link to the browser shell. */
export type LinkStatus = 'connecting' | 'open' | 'closed';

/** LabApi over the browser shell's WebSocket, plus the link status (reconnects need a fresh snapshot). */
export type WsLabApi = LabApi & {
  onStatus(listener: (status: LinkStatus) => void): () => void;
  close(): void;
};

const RETRY_MS = [250, 500, 1000, 2000, 4000];
const REQUEST_TIMEOUT_MS = 30_000;
/** Requests that may wait for the socket to open; more fail at once. */
const MAX_WAITING = 256;

/**
 * Connects to `url` and keeps reconnecting with backoff. Requests made while connecting wait
 * for the socket (boundedly); while the link is down they fail at once with TRANSPORT.
 */
export function createWsTransport(url: string, Socket: typeof WebSocket = WebSocket): WsLabApi {
  let socket: WebSocket;
  let nextId = 1;
  let attempt = 0;
  let closedByUser = false;
  let waiting = 0;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const deltaListeners = new Set<(delta: LabDelta) => void>();
  const statusListeners = new Set<(status: LinkStatus) => void>();
  const setStatus = (status: LinkStatus) => statusListeners.forEach((listener) => listener(status));

  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve(fail('TRANSPORT', message));
    pending.clear();
  };

  const onMessage = (event: MessageEvent) => {
    let message: WireMessage;
    try {
      message = JSON.parse(String(event.data)) as WireMessage;
    } catch {
      return;
    }
    if (message.type === 'delta') deltaListeners.forEach((listener) => listener(message.delta));
    else if (message.type === 'reply' && message.id !== null) {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    }
  };

  const connect = () => {
    setStatus('connecting');
    socket = new Socket(url);
    socket.addEventListener('open', () => {
      attempt = 0;
      setStatus('open');
    });
    socket.addEventListener('message', onMessage);
    socket.addEventListener('close', () => {
      failAll('The connection to the lab server closed.');
      setStatus('closed');
      if (closedByUser) return;
      setTimeout(connect, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
    });
  };

  /** Resolves true once the socket is open, false if it closes first (requests wait, boundedly, while connecting). */
  const ready = (): Promise<boolean> => {
    if (socket.readyState === Socket.OPEN) return Promise.resolve(true);
    if (socket.readyState !== Socket.CONNECTING || waiting >= MAX_WAITING) return Promise.resolve(false);
    waiting += 1;
    const current = socket;
    return new Promise((resolve) => {
      const settle = (open: boolean) => () => {
        waiting -= 1;
        current.removeEventListener('open', onOpen);
        current.removeEventListener('close', onClose);
        resolve(open);
      };
      const onOpen = settle(true);
      const onClose = settle(false);
      current.addEventListener('open', onOpen);
      current.addEventListener('close', onClose);
    });
  };

  const request = async (command: CommandName, args: unknown): Promise<Result<unknown>> => {
    if (!(await ready())) return fail('TRANSPORT', 'Not connected to the lab server (reconnecting…).');
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(fail('TRANSPORT', `${command} got no reply within ${REQUEST_TIMEOUT_MS / 1000} s.`));
      }, REQUEST_TIMEOUT_MS);
      pending.set(id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      socket.send(JSON.stringify({ id, command, args }));
    });
  };

  connect();
  const commands = Object.fromEntries(
    COMMAND_NAMES.map((name) => [name, (args: unknown) => request(name, args)]),
  ) as Omit<LabApi, 'onDelta'>;
  return {
    ...commands,
    onDelta(listener) {
      deltaListeners.add(listener);
      return () => deltaListeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    close() {
      closedByUser = true;
      socket.close();
    },
  };
}
