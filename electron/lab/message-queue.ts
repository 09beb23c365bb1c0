/** Bytes held by a set of queues together, for the total queue cap. */
export interface ByteTally {
  bytes: number;
}

/**
 * The seed's `queue.Queue()` of messages for one connection, counting bytes,
 * with `putFront` so Safe mode can return an unsent remainder to the head.
 */
export class MessageQueue {
  private items: Buffer[] = [];
  private head = 0;
  bytes = 0;

  constructor(private readonly tally: ByteTally) {}

  get length(): number {
    return this.items.length - this.head;
  }

  put(message: Buffer): void {
    this.items.push(message);
    this.count(message.length);
  }

  /** `get_nowait()`: the oldest message, or undefined where Python raises `queue.Empty`. */
  getNowait(): Buffer | undefined {
    if (this.head >= this.items.length) return undefined;
    const message = this.items[this.head];
    this.items[this.head++] = EMPTY;
    // Compact now and then so a long-lived queue does not keep a dead prefix.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    if (message) this.count(-message.length);
    return message;
  }

  putFront(message: Buffer): void {
    if (this.head > 0) this.items[--this.head] = message;
    else this.items.unshift(message);
    this.count(message.length);
  }

  /** Empties the queue (the seed's `del message_queues[s]`); returns the bytes dropped. */
  clear(): number {
    const dropped = this.bytes;
    this.items = [];
    this.head = 0;
    this.count(-dropped);
    return dropped;
  }

  /** The first `limit` messages, oldest first, without removing them. */
  peek(limit: number): Buffer[] {
    return this.items.slice(this.head, this.head + limit);
  }

  /** Every message's size, oldest first (a recording keeps sizes, never bytes). */
  sizes(): number[] {
    const sizes: number[] = [];
    for (let i = this.head; i < this.items.length; i++) sizes.push(this.items[i]?.length ?? 0);
    return sizes;
  }

  private count(delta: number): void {
    this.bytes += delta;
    this.tally.bytes += delta;
  }
}

const EMPTY = Buffer.alloc(0);
