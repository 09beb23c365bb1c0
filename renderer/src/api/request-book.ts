import { fail, type Result } from '../../../shared/result';
import { MAX_IN_FLIGHT } from '../../../shared/wire';

const REQUEST_TIMEOUT_MS = 30_000;

/** One request the window is waiting on. */
export interface Ticket {
  id: number;
  result: Promise<Result<unknown>>;
}

/**
 * The window's outstanding requests: never more than the server accepts in flight, each
 * answered exactly once — by its reply (a refusal included), a timeout, or the link dropping.
 */
export class RequestBook {
  private nextId = 1;
  private readonly pending = new Map<number, { settle: (result: Result<unknown>) => void }>();

  constructor(private readonly limit = MAX_IN_FLIGHT) {}

  get size(): number {
    return this.pending.size;
  }

  /** A ticket for `command`, or the BUSY failure when `limit` requests are outstanding already. */
  open(command: string): Ticket | Result<never> {
    if (this.pending.size >= this.limit) {
      return fail(
        'BUSY',
        `${command}: this window already has ${this.limit} requests waiting for the lab server. ` +
          'Try again once they are answered.',
      );
    }
    const id = this.nextId++;
    const result = new Promise<Result<unknown>>((resolve) => {
      const timer = setTimeout(
        () =>
          this.settle(
            id,
            fail('TRANSPORT', `${command} got no reply within ${REQUEST_TIMEOUT_MS / 1000} s.`),
          ),
        REQUEST_TIMEOUT_MS,
      );
      this.pending.set(id, {
        settle: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
      });
    });
    return { id, result };
  }

  /** Answers request `id` (a reply for an unknown or settled id is ignored). */
  settle(id: number, result: Result<unknown>): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    entry.settle(result);
  }

  /** Fails every outstanding request with TRANSPORT `message` (the link dropped). */
  failAll(message: string): void {
    for (const id of [...this.pending.keys()]) this.settle(id, fail('TRANSPORT', message));
  }
}
