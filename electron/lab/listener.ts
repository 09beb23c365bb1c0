import net from 'node:net';
import { LISTENER_FD, type ListenerView } from '../../shared/engine';

/**
 * When a client whose SYN met a full accept queue tries again: Linux drops that SYN and
 * the client retransmits it after 1 s, then 3 s, 7 s, 15 s, 31 s and 63 s (an RTO of 1 s,
 * doubling; net.ipv4.tcp_syn_retries = 6), then its connect() fails with ETIMEDOUT.
 */
const SYN_RETRIES_MS = [1_000, 3_000, 7_000, 15_000, 31_000, 63_000] as const;
/** Linux's timer wheel fires a timer at the end of its slot (tens of ms at these delays): retries of one burst go together. */
const TIMER_SLOT_MS = 64;

/** A connection Node accepted while the emulated accept queue was full. */
interface Waiting {
  socket: net.Socket;
  arrivedAt: number;
  /** Retries already made (an index into SYN_RETRIES_MS). */
  retries: number;
}

export interface ListenerHooks {
  backlog: number;
  /** At most this many connections wait past a full queue; more are closed at once, so memory stays bounded. */
  maxWaiting: () => number;
  /** The queue or the waiting changed: the listening socket's readiness may have. */
  onChange: () => void;
  onAcceptError: (error: NodeJS.ErrnoException) => void;
  /** Connections closed without being accepted: past the last SYN retry, or past `maxWaiting`. */
  onGaveUp: (count: number, why: 'timed-out' | 'refused') => void;
  /** May refuse a new connection (out of descriptors): it is reset at once, never queued. */
  admit?: () => boolean;
}

/**
 * The listening socket and its accept queue, as `listen(backlog)` bounds it on Linux.
 *
 * Node takes every connection the kernel holds (its own backlog is 511), one per turn
 * of its loop (libuv accepts once per poll since 1.45); `pauseOnConnect` leaves each
 * one unread. The first backlog + 1 wait in the accept queue, which makes the
 * listening socket readable; the rest wait as the kernel would make them: each tries
 * again at its next SYN retry and joins if the queue has room then. Their clients'
 * connect() has already returned here, where the kernel's would still be retrying
 * (see the README); their bytes wait either way. A burst the kernel took at once
 * reaches Node over several turns: a Step lets it land before select() (`arrivals`).
 */
export class Listener {
  readonly server: net.Server;
  readonly fd = LISTENER_FD;
  private queue: net.Socket[] = [];
  private waiting: Waiting[] = [];
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDueAt = Infinity;
  backlog: number;
  /**
   * Connections Node has handed over so far. One more since a look means a burst may still be
   * landing, a turn at a time: select-server.ts lets it land before a Step's select().
   */
  arrivals = 0;

  constructor(private readonly hooks: ListenerHooks) {
    this.backlog = hooks.backlog;
    this.server = net.createServer({ pauseOnConnect: true, allowHalfOpen: true });
    this.server.on('connection', (socket) => {
      this.arrivals++;
      if (this.hooks.admit && !this.hooks.admit()) return void socket.resetAndDestroy();
      // A peer may reset before accept(); the error surfaces once the loop reads it.
      socket.on('error', () => {});
      this.arrive(socket);
    });
    this.server.on('error', (error: NodeJS.ErrnoException) => {
      if (this.server.listening) hooks.onAcceptError(error);
    });
  }

  get readable(): boolean {
    return this.queue.length > 0;
  }

  view(): ListenerView {
    return {
      fd: this.fd,
      backlog: this.backlog,
      queued: this.queue.length,
      waiting: this.waiting.length,
      nextRetryAt: Number.isFinite(this.retryDueAt) ? this.retryDueAt : null,
    };
  }

  /** `accept()`: the oldest connection in the queue, if any. */
  accept(): net.Socket | undefined {
    return this.queue.shift();
  }

  listen(host: string, port: number): Promise<NodeJS.ErrnoException | null> {
    return new Promise((resolve) => {
      const onError = (error: NodeJS.ErrnoException): void => resolve(error);
      this.server.once('error', onError);
      this.server.listen({ host, port, exclusive: true }, () => {
        this.server.off('error', onError);
        resolve(null);
      });
    });
  }

  /** "host:port" as actually bound. */
  address(): { host: string; port: number } {
    const address = this.server.address();
    if (address === null || typeof address === 'string') return { host: '', port: 0 };
    return { host: address.address, port: address.port };
  }

  close(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryDueAt = Infinity;
    for (const socket of this.queue.splice(0)) socket.destroy();
    for (const { socket } of this.waiting.splice(0)) socket.destroy();
    return new Promise((resolve) => {
      if (!this.server.listening) resolve();
      else this.server.close(() => resolve());
    });
  }

  private get full(): boolean {
    return this.queue.length >= this.backlog + 1;
  }

  private arrive(socket: net.Socket): void {
    if (!this.full) {
      this.queue.push(socket);
      this.hooks.onChange();
      return;
    }
    if (this.waiting.length >= this.hooks.maxWaiting()) {
      socket.destroy();
      this.hooks.onGaveUp(1, 'refused');
      return;
    }
    const waiting = { socket, arrivedAt: Date.now(), retries: 0 };
    this.waiting.push(waiting);
    this.scheduleRetry(dueAt(waiting));
    this.hooks.onChange();
  }

  /**
   * Each waiting connection whose retry is due joins the queue if there is room, else
   * waits for its next. Retries due together run newest first, as Linux's timer wheel
   * runs the timers of one slot (checked against the kernel in differential/).
   */
  private retry(): void {
    this.retryTimer = null;
    this.retryDueAt = Infinity;
    const now = Date.now();
    const still: Waiting[] = [];
    let gaveUp = 0;
    for (const waiting of [...this.waiting].reverse()) {
      if (dueAt(waiting) > now) still.push(waiting);
      else if (!this.full) this.queue.push(waiting.socket);
      else if (++waiting.retries < SYN_RETRIES_MS.length) still.push(waiting);
      else {
        waiting.socket.destroy();
        gaveUp++;
      }
    }
    this.waiting = still.reverse();
    this.scheduleRetry(still.reduce((soonest, w) => Math.min(soonest, dueAt(w)), Infinity));
    if (gaveUp > 0) this.hooks.onGaveUp(gaveUp, 'timed-out');
    this.hooks.onChange();
  }

  /** One timer, for the soonest retry; `at` moves it earlier if it is sooner. */
  private scheduleRetry(at: number): void {
    if (!Number.isFinite(at) || at >= this.retryDueAt) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryDueAt = at;
    this.retryTimer = setTimeout(() => this.retry(), Math.max(0, at - Date.now()));
    this.retryTimer.unref();
  }
}

const dueAt = (waiting: Waiting): number => {
  const due =
    waiting.arrivedAt + (SYN_RETRIES_MS[Math.min(waiting.retries, SYN_RETRIES_MS.length - 1)] as number);
  return Math.ceil(due / TIMER_SLOT_MS) * TIMER_SLOT_MS;
};
