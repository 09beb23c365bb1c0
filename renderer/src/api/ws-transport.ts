import { COMMAND_NAMES, type CommandName, type LabApi, type LabDelta } from '../../../shared/contract';
import { unpackDelta } from '../../../shared/delta-wire';
import { fail, type Result } from '../../../shared/result';
import { CLOSE_TOO_SLOW, type WireMessage } from '../../../shared/wire';
import { RequestBook } from './request-book';

/** The transport's link to the browser shell; `refused`: the shell is up but no longer accepts this page's token. */
export type LinkStatus = 'connecting' | 'open' | 'closed' | 'refused';

/** Hears the link change; `reason` is the server's own words when it closed the link on purpose. */
export type StatusListener = (status: LinkStatus, reason?: string) => void;

/** LabApi over the browser shell's WebSocket, plus the link status (reconnects need a fresh snapshot). */
export type WsLabApi = LabApi & {
  onStatus(listener: StatusListener): () => void;
  close(): void;
};

const RETRY_MS = [250, 500, 1000, 2000, 4000];

/**
 * Connects to `url` and keeps reconnecting with backoff. Requests made while connecting wait
 * for the socket; while the link is down they fail at once with TRANSPORT. At most as many
 * requests are outstanding as the server accepts (MAX_IN_FLIGHT); more fail at once with BUSY.
 */
export function createWsTransport(
  url: string,
  Socket: typeof WebSocket = WebSocket,
  /** After a failed connect: the words to show if the shell refused this page's token, else null. */
  refusal: () => Promise<string | null> = async () => null,
): WsLabApi {
  let socket: WebSocket;
  let attempt = 0;
  let closedByUser = false;
  const book = new RequestBook();
  const deltaListeners = new Set<(delta: LabDelta) => void>();
  const statusListeners = new Set<StatusListener>();
  const setStatus = (status: LinkStatus, reason?: string) =>
    statusListeners.forEach((listener) => listener(status, reason));

  const onMessage = (event: MessageEvent) => {
    let message: WireMessage;
    try {
      message = JSON.parse(String(event.data)) as WireMessage;
    } catch {
      return;
    }
    if (message.type === 'delta') {
      const delta = unpackDelta(message.delta);
      deltaListeners.forEach((listener) => listener(delta));
    } else if (message.type === 'reply' && message.id !== null) book.settle(message.id, message.result);
  };

  const connect = () => {
    setStatus('connecting');
    let opened = false;
    socket = new Socket(url);
    socket.addEventListener('open', () => {
      opened = true;
      attempt = 0;
      setStatus('open');
    });
    socket.addEventListener('message', onMessage);
    socket.addEventListener('close', (event: CloseEvent) => {
      book.failAll('The connection to the lab server closed.');
      const retry = () => {
        if (!closedByUser) setTimeout(connect, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
      };
      if (opened || closedByUser) {
        setStatus('closed', event.code === CLOSE_TOO_SLOW ? event.reason : undefined);
        return retry();
      }
      // A browser hides why an upgrade failed: ask whether the shell is up and refusing our token.
      void refusal()
        .catch(() => null)
        .then((why) => {
          if (why) setStatus('refused', why);
          else setStatus('closed');
          retry();
        });
    });
  };

  /** Resolves true once the socket is open, false if it closes first. */
  const ready = (): Promise<boolean> => {
    if (socket.readyState === Socket.OPEN) return Promise.resolve(true);
    if (socket.readyState !== Socket.CONNECTING) return Promise.resolve(false);
    const current = socket;
    return new Promise((resolve) => {
      const settle = (open: boolean) => () => {
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
    // The ticket counts from now: requests waiting for the socket to open count against the cap too.
    const ticket = book.open(command);
    if (!('id' in ticket)) return ticket;
    if (!(await ready())) {
      book.settle(ticket.id, fail('TRANSPORT', 'Not connected to the lab server (reconnecting…).'));
    } else socket.send(JSON.stringify({ id: ticket.id, command, args }));
    return ticket.result;
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
