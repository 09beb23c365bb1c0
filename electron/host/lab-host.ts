import { argSchemas, type CommandName, type CommandResults, type LabSnapshot } from '../../shared/contract';
import { fail, type Result } from '../../shared/result';
import { DeltaCollector } from './batcher';
import { createHandlers, type Handlers } from './commands';
import type { EnginePort } from './engine-port';
import { NO_FLEET, type FleetPort } from './fleet-port';
import type { ProgramPort } from './program-port';
import type { RecordingsPort } from './recordings-port';
import { SubscriberHub, type Subscriber } from './subscribers';
import { describeIssues } from './validate';

/** A shell's optional powers: a real program in the engine's place, recordings of the run. */
export interface HostExtras {
  programs?: ProgramPort;
  recordings?: RecordingsPort;
}

/** Batches go out at most this often: ~60 a second, whatever the load. */
const MIN_BATCH_INTERVAL_MS = 17;
/** How often a quiet host still looks for changes no event announced, and drains slow subscribers. */
const POLL_MS = 250;

/**
 * The transport-agnostic engine host: validates and dispatches commands, gives a
 * snapshot to each new subscriber, then batches of changes. Both shells use it.
 */
export class LabHost {
  private readonly handlers: Handlers;
  private readonly recordings?: RecordingsPort;
  private readonly programs?: ProgramPort;
  private readonly collector: DeltaCollector;
  private readonly hub = new SubscriberHub();
  private readonly unlisten: (() => void)[] = [];
  private readonly poll: NodeJS.Timeout;
  private timer: NodeJS.Timeout | undefined;
  private lastFlush = -Infinity;

  constructor(
    private readonly engine: EnginePort,
    private readonly fleet?: FleetPort,
    /** What this shell offers beyond the engine and the fleet: watching programs, recording. */
    extras: HostExtras = {},
  ) {
    this.recordings = extras.recordings;
    this.programs = extras.programs;
    this.handlers = createHandlers(engine, fleet, () => this.snapshot(), extras);
    this.collector = new DeltaCollector(engine, fleet);
    const engineChanged = () => {
      this.collector.markEngineDirty();
      this.schedule();
    };
    this.unlisten.push(
      engine.on('iteration', (record) => {
        this.collector.addRecord(record);
        this.schedule();
      }),
      engine.on('action', engineChanged),
      engine.on('state', engineChanged),
      engine.on('notice', (notice) => {
        this.collector.addNotice(notice);
        this.schedule();
      }),
    );
    if (fleet) {
      this.unlisten.push(
        fleet.on('change', () => {
          this.collector.markFleetDirty();
          this.schedule();
        }),
        fleet.on('notice', (notice) => {
          this.collector.addNotice(notice);
          this.schedule();
        }),
      );
    }
    const recorder = this.recordings;
    if (recorder) {
      this.unlisten.push(
        recorder.on('change', () => {
          this.collector.setRecording(recorder.status());
          this.schedule();
        }),
      );
    }
    this.poll = setInterval(() => this.schedule(), POLL_MS);
    this.poll.unref();
  }

  /** Runs one command. Never throws: malformed input and failures come back as values. */
  async command<K extends CommandName>(name: K, args: unknown): Promise<Result<CommandResults[K]>>;
  async command(name: string, args: unknown): Promise<Result<unknown>>;
  async command(name: string, args: unknown): Promise<Result<unknown>> {
    if (!Object.hasOwn(argSchemas, name)) {
      return fail(
        'UNKNOWN_COMMAND',
        `There is no command named ${JSON.stringify(String(name)).slice(0, 80)}.`,
      );
    }
    const command = name as CommandName;
    const parsed = argSchemas[command].safeParse(args);
    if (!parsed.success) return fail('BAD_ARGUMENT', `${command}: ${describeIssues(parsed.error.issues)}`);
    if (command === 'snapshot') this.flush();
    try {
      const handler = this.handlers[command] as (a: unknown) => Result<unknown> | Promise<Result<unknown>>;
      return await handler(parsed.data);
    } catch (error) {
      return fail(
        'INTERNAL',
        `${command} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** Everything the UI needs to draw itself from scratch. */
  snapshot(): LabSnapshot {
    return {
      engine: this.engine.snapshot(),
      history: this.engine.history(),
      clients: this.fleet?.clients() ?? [],
      fleet: this.fleet?.summary() ?? NO_FLEET,
      ...(this.recordings ? { recording: this.recordings.status() } : {}),
    };
  }

  /**
   * Adds a subscriber and returns its unsubscribe. Pending changes go to the others first,
   * so a snapshot taken now (the `snapshot` command, or snapshot() right after) plus the
   * batches that follow are exactly the state, with nothing counted twice.
   */
  subscribe(subscriber: Subscriber): () => void {
    this.flush();
    return this.hub.add(subscriber);
  }

  /** Stops the clients and the server (quitting the app or the browser shell). */
  async dispose(): Promise<void> {
    clearInterval(this.poll);
    clearTimeout(this.timer);
    for (const off of this.unlisten.splice(0)) off();
    await this.recordings?.dispose();
    await this.programs?.dispose();
    if (this.fleet) await Promise.resolve(this.fleet.dispose()).catch(() => undefined);
    await this.engine.stop().catch(() => undefined);
  }

  private schedule(): void {
    if (this.timer || this.hub.size === 0) return;
    const wait = this.lastFlush + MIN_BATCH_INTERVAL_MS - performance.now();
    // Timers may fire a little early: re-check, so batches are never closer than the interval.
    this.timer = setTimeout(() => this.tick(), Math.max(0, Math.ceil(wait)));
  }

  private tick(): void {
    this.timer = undefined;
    if (performance.now() - this.lastFlush < MIN_BATCH_INTERVAL_MS) this.schedule();
    else this.flush();
  }

  /** Sends what changed now (the timer's job; also before a snapshot, so nothing is counted twice). */
  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.lastFlush = performance.now();
    const delta = this.collector.take();
    if (delta) this.hub.publish(delta);
    else this.hub.drain();
    if (this.collector.behind) this.schedule();
  }
}
