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
import { gzipMember } from './gzip-member';
import { LAB_VERSION } from './lab-version';
import { MEMBER_FLAGS, MemberBuffer, type SealedMember } from './member-buffer';

/** What the writer needs from the engine: its state, its queues' sizes, its events. */
export type RecordedEngine = Pick<SelectServer, 'snapshot' | 'queueSizes' | 'on'>;

export interface WriterOptions {
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
/** A block also ends when its lines reach this size: a seek decodes at most about this much. */
const MAX_BLOCK_BYTES = 4 * 1024 * 1024;
/** Lines waiting for the disk past this mean it cannot keep up: the recording stops rather than grow. */
const MAX_BACKLOG_BYTES = 64 * 1024 * 1024;

/**
 * Records an engine to a file (docs/recording-format.md): a header, a snapshot, every
 * iteration record, a new snapshot every `snapshotEvery` iterations, and an end line.
 * It hooks the engine's `iteration` event only, so the engine does the same work recorded
 * or not; JSON.stringify is the cost it adds on the engine's thread (measured in `npm run bench`).
 */
export class RecordingWriter {
  private readonly buffer = new MemberBuffer();
  private readonly unlisten: (() => void)[] = [];
  private chain: Promise<void> = Promise.resolve();
  private started = false;
  private stopped: Promise<Result<RecordingProgress>> | null = null;
  private sinceSnapshot = 0;
  private blockBytes = 0;
  private backlog = 0;
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
  ) {
    this.progress = { file: path, startedAt: Date.now(), iterations: 0, bytes: 0 };
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
    const { snapshotEvery = DEFAULT_SNAPSHOT_EVERY, flushMs = 1000 } = options;
    const writer = new RecordingWriter(engine, file, path, snapshotEvery, flushMs, onEnd);
    writer.listen();
    return ok(writer);
  }

  /** Ends the recording: the end line, the last member, the file closed. Idempotent. */
  stop(reason: EndReason = 'stopped'): Promise<Result<RecordingProgress>> {
    this.stopped ??= this.finish(reason);
    return this.stopped;
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
      producer: 'engine',
      startedAt: this.progress.startedAt,
      snapshotEvery: this.snapshotEvery,
      options: engine.options,
      fidelity: engine.fidelity,
      server: engine.server,
    };
    this.lastN = engine.iteration;
    this.buffer.push(JSON.stringify(header), MEMBER_FLAGS.header);
    this.pushSnapshot();
  }

  private pushSnapshot(): void {
    const line: SnapshotLine = {
      type: 'snapshot',
      engine: this.engine.snapshot(),
      queues: this.engine.queueSizes().map(([id, sizes]) => [id, encodeSizes(sizes)]),
    };
    const json = JSON.stringify(line);
    this.buffer.push(json, MEMBER_FLAGS.snapshot);
    this.sinceSnapshot = 0;
    this.blockBytes = json.length;
  }

  private onIteration(record: IterationRecord): void {
    if (!this.active) return;
    if (!this.started) return this.begin();
    const json = JSON.stringify(record);
    this.buffer.pushRecord(json, record.n);
    this.lastN = record.n;
    this.progress.iterations++;
    this.sinceSnapshot++;
    this.blockBytes += json.length;
    if (this.sinceSnapshot >= this.snapshotEvery || this.blockBytes >= MAX_BLOCK_BYTES) {
      this.flush();
      this.pushSnapshot();
    }
  }

  /** Seals the buffered lines into a member and queues it for compression and the disk. */
  private flush(): void {
    const member = this.buffer.seal();
    if (member) this.write(member);
  }

  private write(member: SealedMember): void {
    const size = member.text.length;
    this.backlog += size;
    if (this.backlog > MAX_BACKLOG_BYTES && this.failure === null) {
      this.failure = 'the disk could not keep up with the engine';
      void this.stop('error');
    }
    this.chain = this.chain.then(async () => {
      this.backlog -= size;
      if (this.failure !== null) return;
      try {
        const bytes = await gzipMember(member.text, member.info);
        await this.file.write(bytes);
        this.progress.bytes += bytes.length;
      } catch (error) {
        this.failure = (error as Error).message;
        void this.stop('error');
      }
    });
  }

  private async finish(reason: EndReason): Promise<Result<RecordingProgress>> {
    clearInterval(this.timer);
    for (const off of this.unlisten.splice(0)) off();
    if (!this.started) this.begin();
    const end: EndLine = { type: 'end', at: Date.now(), iteration: this.lastN, reason };
    this.buffer.push(JSON.stringify(end), MEMBER_FLAGS.end);
    this.flush();
    await this.chain;
    await this.file.close().catch(() => undefined);
    this.onEnd(reason);
    if (this.failure !== null) {
      return fail(
        'RECORDING',
        `The recording stopped early: ${this.failure}. ${this.progress.file} holds what was written.`,
      );
    }
    return ok({ ...this.progress });
  }
}
