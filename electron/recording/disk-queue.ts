import type { FileHandle } from 'node:fs/promises';
import type { Result } from '../../shared/result';
import type { ToDisk } from './disk-protocol';
import { DiskThread } from './disk-thread';

/** A message as the writer posts it: the queue numbers it. */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;
export type DiskMessage = Unnumbered<ToDisk>;

export interface DiskQueueOptions {
  /**
   * The idle-priority thread has starved when a message has waited this long for the file, or
   * when STARVED_NUMBERS wait for it: a thread at a fair share takes over.
   */
  starvedAfterMs?: number;
  /** Tests only: the idle thread handles this many messages, then starves (disk-protocol.ts). */
  starveIdleThreadAfter?: number;
  /** Checks only: the disk thread's code, e.g. the built out/main/recording-worker.js. */
  workerCode?: URL;
}

/**
 * Numbers of records waiting for the file (64 MB) past which the idle thread has starved:
 * at full speed, about two seconds of records.
 */
const STARVED_NUMBERS = 8 * 1024 * 1024;
/** Or a message has waited this long: well past the writer's flush (a second), which seals it. */
const STARVED_AFTER_MS = 5_000;

/**
 * What waits for the disk, and the thread that writes it. Every message stays here until the
 * thread says the file holds it: the records' shared buffers then go back to the encoder.
 *
 * The thread first runs at idle priority (idle-thread.ts), so a recording takes only CPU
 * nothing else wants. While other programs keep every core busy it may not run at all: then
 * the queue stops it, cuts the file back to where it was whole, and hands everything that
 * waits, in order, to a thread at a fair share of the CPU, which carries on from there.
 * Nothing recorded is lost, and the file never holds half a member.
 */
export class DiskQueue {
  private thread: DiskThread;
  private readonly waiting: { message: ToDisk; at: number }[] = [];
  private nextId = 0;
  private handover: Promise<void> | null = null;
  /** Numbers of records the file does not hold yet. */
  inFlight = 0;

  constructor(
    private readonly file: FileHandle,
    private readonly onRecycle: (numbers: Float64Array) => void,
    private readonly onWritten: () => void,
    private readonly options: DiskQueueOptions = {},
  ) {
    this.thread = this.startThread(0, 'idle');
  }

  /** Settles once the first thread has loaded: see `RecordingWriter.ready`. */
  get ready(): Promise<void> {
    return this.thread.ready;
  }

  /** The file is whole up to here. */
  get bytes(): number {
    return this.thread.bytes;
  }

  get failure(): string | null {
    return this.thread.failure;
  }

  /** Which thread writes now: 'idle' until one starved. */
  get priority(): 'idle' | 'normal' {
    return this.thread.data.priority;
  }

  post(message: DiskMessage): void {
    const numbered = { ...message, id: this.nextId++ } as ToDisk;
    if (numbered.type === 'records') this.inFlight += numbered.numbers.length;
    this.waiting.push({ message: numbered, at: performance.now() });
    // During a handover it goes to the next thread with the rest.
    if (!this.handover) this.thread.send(numbered);
  }

  /** Hands over to a thread at a fair share if the idle one starved (the writer asks each second). */
  check(now = performance.now()): void {
    if (this.handover || this.priority !== 'idle') return;
    const oldest = this.waiting[0];
    const waited = oldest ? now - oldest.at : 0;
    if (this.inFlight > STARVED_NUMBERS || waited > (this.options.starvedAfterMs ?? STARVED_AFTER_MS))
      this.handover = this.takeOver();
  }

  /** Posts `finish` and waits for the file's last member, from whichever thread writes it. */
  async finish(): Promise<Result<{ bytes: number }>> {
    this.post({ type: 'finish' });
    // Still watched while it writes the last of it: a thread starved now is handed over too.
    const watch = setInterval(() => this.check(), 500);
    watch.unref();
    try {
      for (;;) {
        await this.handover;
        const thread = this.thread;
        const ended = await thread.ended;
        // An abandoned thread ends too: then wait for the one that took over.
        if (thread === this.thread && !this.handover) return ended;
      }
    } finally {
      clearInterval(watch);
    }
  }

  private startThread(offset: number, priority: 'idle' | 'normal'): DiskThread {
    const { starveIdleThreadAfter: starveAfter } = this.options;
    const starves = priority === 'idle' && starveAfter !== undefined;
    return new DiskThread(
      { fd: this.file.fd, offset, priority, ...(starves ? { starveAfter } : {}) },
      (through) => this.written(through),
      this.options.workerCode,
    );
  }

  private written(through: number): void {
    while (this.waiting.length > 0 && (this.waiting[0]?.message.id ?? Infinity) <= through) {
      const { message } = this.waiting.shift() as { message: ToDisk };
      if (message.type !== 'records') continue;
      this.inFlight -= message.numbers.length;
      this.onRecycle(message.numbers);
    }
    this.onWritten();
  }

  /**
   * Stops the starved thread, cuts the file back to where it was whole, and starts the next
   * with everything that waits. Posts meanwhile only wait: the last step is synchronous, so
   * none falls between the resending and the next post going straight to the new thread.
   */
  private async takeOver(): Promise<void> {
    const starved = this.thread;
    await starved.abandon();
    try {
      // What it wrote past the last member it reported may be half a member: cut.
      await this.file.truncate(starved.bytes);
    } catch (error) {
      starved.failure = `could not cut the file back after its thread starved: ${(error as Error).message}`;
      this.handover = null;
      this.onWritten();
      return;
    }
    this.thread = this.startThread(starved.bytes, 'normal');
    this.handover = null;
    for (const { message } of this.waiting) this.thread.send(message);
  }
}
