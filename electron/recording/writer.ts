import { open, type FileHandle } from 'node:fs/promises';
import type { IterationRecord } from '../../shared/engine';
import { fail, ok, type Result } from '../../shared/result';
import {
  encodeSizes,
  RECORDING_FORMAT,
  RECORDING_VERSION,
  type EndLine,
  type EndReason,
  type RecordingHeader,
  type SnapshotLine,
} from '../../shared/recording/format';
import type { SelectServer } from '../lab/select-server';
import { LAB_VERSION } from './lab-version';
import { MEMBER_FLAGS } from '../../shared/recording/gzip-blocks';
import { DiskQueue, type DiskQueueOptions } from './disk-queue';
import { RecordEncoder } from './record-codec';

/** What the writer needs from the engine: its state, its queues' sizes, its events. */
export type RecordedEngine = Pick<SelectServer, 'snapshot' | 'queueSizes' | 'on'>;

export interface WriterOptions extends DiskQueueOptions {
  /** A snapshot every this many iterations. */
  snapshotEvery?: number;
  /** Buffered lines go to disk at least this often. */
  flushMs?: number;
}

/** What a recording holds so far. */
export interface RecordingProgress {
  file: string;
  startedAt: number;
  /** Iteration records written (or waiting to be). */
  iterations: number;
  /** Bytes on disk. */
  bytes: number;
}

export const DEFAULT_SNAPSHOT_EVERY = 500;
/**
 * A block also ends at this many encoded numbers: a seek decodes at most about that much
 * (measured at 1,000 connections: 140 records, 1.4 MB of version 2 text, a seek in 90 ms;
 * three times as many made seeks three times slower).
 */
const MAX_BLOCK_NUMBERS = 300_000;
/** Records are handed to the disk thread in batches of about this many numbers, or once a second. */
const BATCH_NUMBERS = 200_000;
/**
 * Numbers of records the file does not hold yet: past this many (128 MB), even a disk thread
 * at a fair share of the CPU (disk-queue.ts) cannot keep up, and the recording stops rather
 * than grow. At full speed that is a few seconds of records; at a classroom's pace, minutes.
 */
const MAX_NUMBERS_IN_FLIGHT = 16 * 1024 * 1024;

/**
 * Records an engine to a file (docs/recording-format.md): a header, a snapshot, every
 * iteration record, a new snapshot every `snapshotEvery` iterations, and an end line.
 * It hooks the engine's `iteration` event only, so the engine does the same work recorded
 * or not. On the engine's thread a record costs only its encoding into numbers
 * (record-codec.ts); JSON, gzip and the disk are the disk thread's (disk-worker.ts), fed by
 * a queue that keeps every message until the file holds it (disk-queue.ts).
 */
export class RecordingWriter {
  private readonly encoder = new RecordEncoder();
  private readonly unlisten: (() => void)[] = [];
  private readonly disk: DiskQueue;
  private started = false;
  private stopped: Promise<Result<RecordingProgress>> | null = null;
  private sinceSnapshot = 0;
  private blockNumbers = 0;
  private lastN = 0;
  private failure: string | null = null;
  private readonly timer: NodeJS.Timeout;
  readonly progress: RecordingProgress;

  private constructor(
    private readonly engine: RecordedEngine,
    private readonly file: FileHandle,
    path: string,
    private readonly snapshotEvery: number,
    flushMs: number,
    private readonly onEnd: (reason: EndReason) => void,
    queueOptions: DiskQueueOptions,
  ) {
    this.progress = { file: path, startedAt: Date.now(), iterations: 0, bytes: 0 };
    this.disk = new DiskQueue(
      file,
      (numbers) => this.encoder.recycle(numbers),
      () => this.written(),
      queueOptions,
    );
    this.timer = setInterval(() => this.flush(), flushMs);
    this.timer.unref();
  }

  /** Opens `path` (replacing it) and starts recording at the end of the iteration under way, if any. */
  static async start(
    engine: RecordedEngine,
    path: string,
    options: WriterOptions = {},
    onEnd: (reason: EndReason) => void = () => undefined,
  ): Promise<Result<RecordingWriter>> {
    let file: FileHandle;
    try {
      file = await open(path, 'w', 0o644);
    } catch (error) {
      return fail('RECORDING', `Cannot write the recording to ${path}: ${(error as Error).message}.`);
    }
    const { snapshotEvery = DEFAULT_SNAPSHOT_EVERY, flushMs = 1000, ...queueOptions } = options;
    const writer = new RecordingWriter(engine, file, path, snapshotEvery, flushMs, onEnd, queueOptions);
    writer.listen();
    return ok(writer);
  }

  /** Ends the recording: the end line, the last member, the file closed. Idempotent. */
  stop(reason: EndReason = 'stopped'): Promise<Result<RecordingProgress>> {
    this.stopped ??= this.finish(reason);
    return this.stopped;
  }

  /**
   * Settles once the disk thread has loaded: what a recording costs after that is its work
   * alone (the bench measures from here; the window need not wait, records queue meanwhile).
   */
  get ready(): Promise<void> {
    return this.disk.ready;
  }

  /** The disk thread's priority: 'idle', until one starved and another took over (disk-queue.ts). */
  get diskThread(): 'idle' | 'normal' {
    return this.disk.priority;
  }

  get active(): boolean {
    return this.stopped === null;
  }

  private listen(): void {
    this.unlisten.push(
      this.engine.on('iteration', (record) => this.onIteration(record)),
      this.engine.on('state', () => {
        const state = this.engine.snapshot().server.state;
        if (state === 'stopped') void this.stop('server-stopped');
        if (state === 'crashed') void this.stop('server-crashed');
      }),
    );
    // Halted inside an iteration (Step action), the state is half way: begin when it ends.
    if (this.engine.snapshot().cursor === null) this.begin();
  }

  private begin(): void {
    this.started = true;
    const engine = this.engine.snapshot();
    const header: RecordingHeader = {
      type: 'header',
      format: RECORDING_FORMAT,
      version: RECORDING_VERSION,
      lab: LAB_VERSION,
      // A watched program's records come from the tracer (electron/tracer/), not the lab's engine.
      producer: engine.program ? 'tracer' : 'engine',
      startedAt: this.progress.startedAt,
      snapshotEvery: this.snapshotEvery,
      options: engine.options,
      fidelity: engine.fidelity,
      server: engine.server,
    };
    this.lastN = engine.iteration;
    this.line(JSON.stringify(header), MEMBER_FLAGS.header);
    this.pushSnapshot();
  }

  /** A line that is not a record: the records before it go first, to keep the file in order. */
  private line(json: string, flag: number): void {
    this.send();
    this.disk.post({ type: 'line', json, flag });
  }

  private pushSnapshot(): void {
    const line: SnapshotLine = {
      type: 'snapshot',
      engine: this.engine.snapshot(),
      queues: this.engine.queueSizes().map(([id, sizes]) => [id, encodeSizes(sizes)]),
    };
    this.line(JSON.stringify(line), MEMBER_FLAGS.snapshot);
    this.sinceSnapshot = 0;
    this.blockNumbers = 0;
  }

  /**
   * A record is encoded as soon as it is made, while it is still in the cache (measured:
   * encoding them in batches a few milliseconds later cost the engine's thread more).
   */
  private onIteration(record: IterationRecord): void {
    if (!this.active) return;
    if (!this.started) return this.begin();
    this.encoder.add(record);
    this.blockNumbers += 16 + record.actions.length * 5 + (record.inputs.length + record.outputs.length) * 2;
    this.lastN = record.n;
    this.progress.iterations++;
    this.sinceSnapshot++;
    if (this.sinceSnapshot >= this.snapshotEvery || this.blockNumbers >= MAX_BLOCK_NUMBERS)
      this.pushSnapshot();
    else if (this.encoder.size >= BATCH_NUMBERS) this.send();
    if (this.disk.inFlight > MAX_NUMBERS_IN_FLIGHT) this.fail('the disk could not keep up with the engine');
  }

  /** The records encoded so far, on their way to the disk thread. */
  private send(): void {
    if (this.encoder.records === 0) return;
    this.disk.post({ type: 'records', ...this.encoder.take() });
    this.disk.check();
  }

  /** What was recorded goes to the disk (the timer's job: at most a second is ever only in memory). */
  private flush(): void {
    this.send();
    this.disk.post({ type: 'flush' });
    this.disk.check();
  }

  /** The disk thread wrote a member, or failed. */
  private written(): void {
    this.progress.bytes = this.disk.bytes;
    if (this.disk.failure !== null) this.fail(this.disk.failure);
  }

  private fail(why: string): void {
    if (this.active) void this.stop('error');
    this.failure ??= why;
  }

  private async finish(reason: EndReason): Promise<Result<RecordingProgress>> {
    clearInterval(this.timer);
    for (const off of this.unlisten.splice(0)) off();
    if (!this.started) this.begin();
    const end: EndLine = { type: 'end', at: Date.now(), iteration: this.lastN, reason };
    this.line(JSON.stringify(end), MEMBER_FLAGS.end);
    const done = await this.disk.finish();
    await this.file.close().catch(() => undefined);
    if (done.ok) this.progress.bytes = done.value.bytes;
    this.onEnd(reason);
    const why = this.failure ?? (done.ok ? null : done.error.message);
    if (why !== null) {
      return fail(
        'RECORDING',
        `The recording stopped early: ${why}. ${this.progress.file} holds what was written.`,
      );
    }
    return ok({ ...this.progress });
  }
}
