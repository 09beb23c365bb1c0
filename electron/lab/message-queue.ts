/**
 * What holding one message costs beyond its bytes — a Buffer and its backing store, about 250
 * bytes in V8 — charged against the queue caps with the bytes. Without it a client sending one
 * byte at a time could fill a 1 MiB cap with a million messages and a quarter of a gigabyte.
 */
export const MESSAGE_OVERHEAD = 256;

/** What a set of queues charge the total queue cap together: their bytes and MESSAGE_OVERHEAD per message. */
export interface CapTally {
  charged: number;
}

/**
 * The seed's `queue.Queue()` of messages for one connection, counting bytes,
 * with `putFront` so Safe mode can return an unsent remainder to the head.
 */
export class MessageQueue {
  private items: Buffer[] = [];
  private head = 0;
  bytes = 0;

  constructor(private readonly tally: CapTally) {}

  get length(): number {
    return this.items.length - this.head;
  }

  /** What the queue charges the caps: its bytes and MESSAGE_OVERHEAD per message. */
  get charged(): number {
    return this.bytes + this.length * MESSAGE_OVERHEAD;
  }

  put(message: Buffer): void {
    this.items.push(message);
    this.count(message.length, 1);
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
    if (message) this.count(-message.length, -1);
    return message;
  }

  putFront(message: Buffer): void {
    if (this.head > 0) this.items[--this.head] = message;
    else this.items.unshift(message);
    this.count(message.length, 1);
  }

  /** Empties the queue (the seed's `del message_queues[s]`); returns the bytes dropped. */
  clear(): number {
    const dropped = this.bytes;
    this.count(-dropped, -this.length);
    this.items = [];
    this.head = 0;
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

  private count(bytes: number, messages: number): void {
    this.bytes += bytes;
    this.tally.charged += bytes + messages * MESSAGE_OVERHEAD;
  }
}

const EMPTY = Buffer.alloc(0);
