import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../shared/result';
import { RECORDING_NAME, type RecordingStatus } from '../../shared/recording/status';
import { Events } from '../lab/events';
import { RecordingWriter, type RecordedEngine, type WriterOptions } from './writer';

/** How often the window hears how big the recording under way has grown. */
const PROGRESS_MS = 1000;

const two = (n: number): string => String(n).padStart(2, '0');

/** `socket-lab-2026-12-03-114012.slrec.gz`, local time: sorts by when, reads at a glance. */
function nameFor(date: Date, suffix: number): string {
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  const time = `${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`;
  return `socket-lab-${day}-${time}${suffix > 1 ? `-${suffix}` : ''}.slrec.gz`;
}

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * The window's Record button, host side: one recording at a time, written into a folder the
 * host owns (names are the lab's own, never a caller's path), and its progress as status.
 * A recording ends with its Stop, or when the server stops.
 */
export class Recordings {
  private writer: RecordingWriter | null = null;
  private name: string | null = null;
  private last: RecordingStatus['last'] = null;
  private timer: NodeJS.Timeout | undefined;
  private shown = '';
  private readonly events = new Events<{ change: null }>();

  constructor(
    private readonly engine: RecordedEngine,
    readonly folder: string,
    /** Tests only: how each recording's writer runs (a disk thread made to starve). */
    private readonly writerOptions: WriterOptions = {},
  ) {}

  /** Hears when the status changed. */
  on(event: 'change', listener: () => void): () => void {
    return this.events.on(event, listener);
  }

  status(): RecordingStatus {
    const writer = this.writer;
    const active =
      writer && this.name
        ? {
            name: this.name,
            startedAt: writer.progress.startedAt,
            iterations: writer.progress.iterations,
            bytes: writer.progress.bytes,
            ...(writer.diskThread === 'normal' ? { busy: true as const } : {}),
          }
        : null;
    return { active, last: this.last, folder: this.folder };
  }

  async start(): Promise<Result<RecordingStatus>> {
    if (this.writer) return fail('RECORDING', `Already recording to ${this.name}: stop it first.`);
    if (this.engine.snapshot().server.state !== 'listening')
      return fail('NOT_RUNNING', 'Start the server first: a recording follows the running server.');
    let name = '';
    try {
      await mkdir(this.folder, { recursive: true, mode: 0o700 });
      const now = new Date();
      for (let n = 1; n < 1000 && (name === '' || (await exists(join(this.folder, name)))); n++)
        name = nameFor(now, n);
    } catch (error) {
      return fail(
        'RECORDING',
        `Cannot make the recordings folder ${this.folder}: ${(error as Error).message}.`,
      );
    }
    const writer = await RecordingWriter.start(
      this.engine,
      join(this.folder, name),
      this.writerOptions,
      () => void this.ended(),
    );
    if (!writer.ok) return writer;
    this.writer = writer.value;
    this.name = name;
    this.timer = setInterval(() => this.report(), PROGRESS_MS);
    this.timer.unref();
    this.report();
    return ok(this.status());
  }

  async stop(): Promise<Result<RecordingStatus>> {
    if (!this.writer) return fail('RECORDING', 'Nothing is being recorded.');
    const result = await this.writer.stop('stopped');
    await this.ended();
    return result.ok ? ok(this.status()) : result;
  }

  /** The path of a recording this host made, by its name; null for any other name. */
  async pathOf(name: string): Promise<string | null> {
    if (!RECORDING_NAME.test(name)) return null;
    const path = join(this.folder, name);
    return (await exists(path)) ? path : null;
  }

  /** Ends a recording under way (the app quits): its end line says so. */
  async dispose(): Promise<void> {
    await this.writer?.stop('quit');
    await this.ended();
  }

  /** The writer finished (a Stop, the server stopping, an error): it becomes the last recording. */
  private async ended(): Promise<void> {
    const writer = this.writer;
    const name = this.name;
    if (!writer || !name) return;
    this.writer = null;
    this.name = null;
    clearInterval(this.timer);
    const result = await writer.stop();
    const { iterations, bytes } = writer.progress;
    this.last = { name, iterations, bytes, error: result.ok ? null : result.error.message };
    this.report();
  }

  /** Tells the window when what it shows has changed. */
  private report(): void {
    const shown = JSON.stringify(this.status());
    if (shown === this.shown) return;
    this.shown = shown;
    this.events.emit('change', null);
  }
}
