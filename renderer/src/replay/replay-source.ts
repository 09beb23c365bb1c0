/**
 * Where a replay lives: behind the renderer's LabApi, in the window. The file never leaves
 * the page (a browser File, or reads of what the desktop app's dialog opened), so the live
 * lab is never touched by a replay or by a bad file, and no path crosses to a host. The
 * window's one sync hook reads this source as it reads the live host: a snapshot, then
 * batches (a step forward), or a fresh snapshot (a jump: Step back, the scrubber, Go to).
 */
import {
  breakpointSchema,
  BreakpointWatch,
  describeBreakpoint,
  type Breakpoint,
} from '../../../shared/breakpoints';
import type { CommandResults, LabApi, LabDelta } from '../../../shared/contract';
import type { Action, EngineSnapshot, HaltView, IterationRecord, Mode } from '../../../shared/engine';
import type { Position, Replay } from '../../../shared/recording/replay';
import { fail, ok, type Result } from '../../../shared/result';
import { MAX_PER_TICK, RecordedClock } from './player';
import { replayDelta, replaySnapshot } from '../../../shared/recording/frames';
import type { ReplayInfo } from './replay-info';
import type { ResetListener } from './resettable';

const TICK_MS = 16;
/** Run until searches this many actions, then lets the window draw (and Stop running reach it). */
const SEARCH_ACTIONS = 20_000;
const NO_SERVER =
  'This is a replay: it has no server and no sockets. Close the replay to go back to the live lab.';
const RECORDED = 'A replay shows the lab as it was recorded: only the Slow speed can change.';
const AT_END =
  'The end of the recording: there is nothing more to step. Step back, or go to an earlier iteration.';

export class ReplaySource implements LabApi {
  private seq = 0;
  private mode: Mode = 'step';
  private speed = 1;
  private slowDelayMs: number;
  private chain: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly clock = new RecordedClock(1);
  private lastAt = 0;
  private seekTarget: Position | null = null;
  /** Run until: what the replay searches for, and where it last halted (until the next move). */
  private armed: BreakpointWatch | null = null;
  private halt: HaltView | null = null;
  private closed = false;
  private readonly deltaListeners = new Set<(delta: LabDelta) => void>();
  private readonly resetListeners = new Set<ResetListener>();
  private readonly infoListeners = new Set<(info: ReplayInfo) => void>();

  constructor(
    private readonly replay: Replay,
    readonly name: string,
  ) {
    this.slowDelayMs = replay.options.slowDelayMs;
  }

  // The LabApi: what the window's controls send, answered from the file.

  snapshot = async () => ok(this.frame().snapshot);
  startServer = async () => fail<CommandResults['startServer']>('REPLAY', NO_SERVER);
  stopServer = async () => fail<CommandResults['stopServer']>('REPLAY', NO_SERVER);
  setFidelity = async () =>
    fail<null>('REPLAY', 'A replay shows the fidelity each iteration was recorded in.');
  spawnClients = async () => fail<CommandResults['spawnClients']>('REPLAY', NO_SERVER);
  stopClients = async () => fail<null>('REPLAY', NO_SERVER);
  sendFromClient = async () => fail<null>('REPLAY', NO_SERVER);
  watchProgram = async () =>
    fail<null>('REPLAY', 'A replay runs no program: close it to watch one in the live lab.');
  watchEngine = async () =>
    fail<null>('REPLAY', 'A replay shows what was recorded: close it to return to the live lab.');
  closeConnection = async () =>
    fail<null>('REPLAY', 'A replay has no sockets to close: it shows what was recorded.');
  runScenario = async () =>
    fail<CommandResults['runScenario']>('REPLAY', 'A scenario sets up the live lab: close the replay first.');
  startRecording = async () =>
    fail<CommandResults['startRecording']>('REPLAY', 'A replay cannot be recorded: it is one already.');
  stopRecording = async () =>
    fail<CommandResults['stopRecording']>('REPLAY', 'Nothing is being recorded in a replay.');
  inspect = async ({ id }: { id: number }) => this.replay.inspect(id);

  /**
   * Run until, in the file: the replay searches forward from here, action by action, with the
   * same test the live engine makes (shared/breakpoints.ts), and halts right after the action
   * that met it, in Step mode, saying why. Stop running (Step mode) ends the search where it is.
   */
  runUntil = (args: Breakpoint): Promise<Result<null>> =>
    this.serial(async () => {
      const parsed = breakpointSchema.safeParse(args);
      if (!parsed.success)
        return fail('BAD_ARGUMENT', parsed.error.issues[0]?.message ?? 'Run until needs a condition.');
      const breakpoint = parsed.data;
      const { n } = this.replay.position;
      if (this.replay.atEnd) return fail('REPLAY', AT_END);
      if (breakpoint.kind === 'iteration' && breakpoint.n <= n)
        return fail(
          'REPLAY',
          `Iteration ${breakpoint.n} is behind this point (iteration ${n}): go to it, or pick a later one.`,
        );
      this.stopPlaying();
      this.armed = new BreakpointWatch(breakpoint);
      this.halt = null;
      this.mode = 'run';
      this.emit(this.emptyDelta());
      this.searchSoon();
      return ok(null);
    });

  step = (): Promise<Result<IterationRecord>> =>
    this.serial(async () => {
      this.halt = null;
      if (this.mode !== 'step')
        return fail('NOT_STEPPING', 'Step works while the replay is paused: choose Step first.');
      const stepped = await this.replay.step();
      if (!stepped.ok) return this.failed(stepped);
      if (!stepped.value) return fail('REPLAY', AT_END);
      this.forward([stepped.value]);
      return ok(stepped.value);
    });

  stepAction = (): Promise<Result<Action>> =>
    this.serial(async () => {
      this.halt = null;
      if (this.mode !== 'step')
        return fail('NOT_STEPPING', 'Step action works while the replay is paused: choose Step first.');
      const before = this.replay.position.n;
      const stepped = await this.replay.stepAction();
      if (!stepped.ok) return this.failed(stepped);
      if (!stepped.value) return fail('REPLAY', AT_END);
      // Opening the next iteration finished the one before: the timeline gets it.
      this.forward(this.replay.position.n > before ? this.replay.history(1) : []);
      return ok(stepped.value);
    });

  setMode = ({ mode }: { mode: Mode }): Promise<Result<null>> =>
    this.serial(async () => {
      const searching = this.armed !== null;
      this.mode = mode;
      this.stopPlaying();
      this.armed = null;
      this.halt = null;
      if (mode !== 'step') this.play();
      // Stopped part way, a search has moved without drawing: the window draws where it got to.
      if (searching) this.reset();
      else this.forward([]);
      return ok(null);
    });

  setOptions = async (
    patch: Partial<CommandResults['setOptions']>,
  ): Promise<Result<CommandResults['setOptions']>> => {
    const keys = Object.keys(patch);
    if (keys.some((key) => key !== 'slowDelayMs')) return fail('REPLAY', RECORDED);
    if (patch.slowDelayMs !== undefined) this.slowDelayMs = patch.slowDelayMs;
    const options = this.options();
    this.emit({ ...this.emptyDelta(), engine: { options } });
    return ok(options);
  };

  onDelta(listener: (delta: LabDelta) => void): () => void {
    this.deltaListeners.add(listener);
    return () => this.deltaListeners.delete(listener);
  }

  // The replay's own controls.

  /** The position moved by a jump: draw from this snapshot (and this Step action trail). */
  onReset(listener: ResetListener): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  onInfo(listener: (info: ReplayInfo) => void): () => void {
    this.infoListeners.add(listener);
    return () => this.infoListeners.delete(listener);
  }

  info(): ReplayInfo {
    const { catalog } = this.replay;
    const upcoming = this.replay.upcoming;
    return {
      name: this.name,
      kind: catalog.kind,
      startedAt: catalog.header?.startedAt ?? null,
      first: this.replay.first,
      last: this.replay.last,
      position: this.replay.position,
      actions: upcoming?.actions.length ?? 0,
      mode: this.mode,
      speed: this.speed,
      warnings: [...catalog.warnings, ...this.replay.problems],
      ended: catalog.end?.reason ?? null,
    };
  }

  /** Step back: the start of the open iteration, or the iteration before (a seek, from the nearest snapshot). */
  stepBack = (): Promise<Result<Position>> => this.jump(() => this.replay.back());

  stepActionBack = (): Promise<Result<Position>> => this.jump(() => this.replay.actionBack());

  /**
   * Go to an iteration. A scrubber asks many times a second: only the newest target is
   * sought once the seek under way is done, so the replay lands where the thumb stopped.
   */
  seek(n: number): Promise<Result<Position>> {
    const already = this.seekTarget !== null;
    this.seekTarget = { n, done: 0 };
    if (already) return Promise.resolve(ok(this.replay.position));
    return this.jump(async () => {
      let moved: Result<Position> = ok(this.replay.position);
      while (this.seekTarget) {
        const target = this.seekTarget;
        moved = await this.replay.seek(target);
        if (this.seekTarget === target) this.seekTarget = null;
      }
      return moved;
    });
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    this.clock.setSpeed(speed, performance.now());
    this.emitInfo();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.replay.close();
    this.deltaListeners.clear();
    this.resetListeners.clear();
    this.infoListeners.clear();
  }

  // Inside.

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.chain.then(run);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private jump(move: () => Promise<Result<Position>>): Promise<Result<Position>> {
    return this.serial(async () => {
      this.halt = null;
      if (this.armed) {
        // Going somewhere else ends a Run until's search: paused where it lands.
        this.armed = null;
        this.mode = 'step';
        this.stopPlaying();
      }
      const moved = await move();
      this.restartClock();
      this.reset();
      return moved;
    });
  }

  private options(): CommandResults['setOptions'] {
    return { ...this.replay.options, slowDelayMs: this.slowDelayMs };
  }

  private frame() {
    const { snapshot, trail } = replaySnapshot(this.replay, this.mode, this.historySize());
    Object.assign(snapshot.engine, this.ownFields());
    return { snapshot, trail };
  }

  /** What the replay decides, not the file: the Slow delay, and Run until's breakpoint and halt. */
  private ownFields(): Pick<EngineSnapshot, 'options' | 'breakpoint' | 'halt'> {
    return { options: this.options(), breakpoint: this.armed?.breakpoint ?? null, halt: this.halt };
  }

  private historySize(): number {
    return this.replay.options.historySize;
  }

  /** After moving forward: a batch, or a fresh snapshot if the move crossed into another block. */
  private forward(records: IterationRecord[]): void {
    if (this.replay.jumped) return this.reset();
    const delta = replayDelta(this.replay, ++this.seq, this.mode, records);
    Object.assign(delta.engine, this.ownFields());
    this.emit(delta);
  }

  private reset(): void {
    this.replay.jumped = false;
    this.replay.takeChanges();
    const { snapshot, trail } = this.frame();
    for (const listener of this.resetListeners) listener(snapshot, trail);
    this.emitInfo();
  }

  private emit(delta: LabDelta): void {
    for (const listener of this.deltaListeners) listener(delta);
    this.emitInfo();
  }

  private emitInfo(): void {
    const info = this.info();
    for (const listener of this.infoListeners) listener(info);
  }

  private emptyDelta(): LabDelta {
    const delta = replayDelta(this.replay, ++this.seq, this.mode, []);
    Object.assign(delta.engine, this.ownFields());
    return delta;
  }

  private failed<T>(result: Result<T>): Result<T> {
    this.emitInfo();
    return result;
  }

  // Run plays at the recorded pace (times the speed); Slow runs one iteration per Slow delay.

  private restartClock(): void {
    const at = this.replay.upcoming?.at ?? this.lastAt;
    this.lastAt = at;
    this.clock.start(performance.now(), at);
  }

  private stopPlaying(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private searchSoon(): void {
    this.timer = setTimeout(() => void this.serial(() => this.search()), 0);
  }

  /** One stretch of Run until's search; the next is scheduled, so Stop running gets in between. */
  private async search(): Promise<void> {
    const watch = this.armed;
    if (!watch || this.closed) return;
    const found = await this.replay.runUntil(watch, SEARCH_ACTIONS);
    if (found.ok && found.value === 'more') {
      this.emitInfo();
      return this.searchSoon();
    }
    this.armed = null;
    this.mode = 'step';
    if (found.ok && typeof found.value === 'object') this.halt = { ...found.value, at: Date.now() };
    this.restartClock();
    this.reset();
    if (found.ok && found.value === 'end')
      this.emit({
        ...this.emptyDelta(),
        notices: [
          {
            level: 'info',
            code: 'RUN_UNTIL_END',
            message: `Run until reached the end of the recording: ${describeBreakpoint(watch.breakpoint)} did not happen.`,
            at: Date.now(),
          },
        ],
      });
  }

  private play(): void {
    this.restartClock();
    this.schedule();
  }

  private schedule(): void {
    if (this.closed || this.mode === 'step') return;
    this.timer = setTimeout(
      () => void this.serial(() => this.tick()),
      this.mode === 'slow' ? this.slowDelayMs : TICK_MS,
    );
  }

  private async tick(): Promise<void> {
    if (this.mode === 'step') return;
    const records: IterationRecord[] = [];
    const now = performance.now();
    while (records.length < (this.mode === 'slow' ? 1 : MAX_PER_TICK)) {
      const next = this.replay.upcoming;
      if (this.mode === 'run' && next && !this.clock.due(next, this.lastAt, now)) break;
      const stepped = await this.replay.step();
      if (!stepped.ok || !stepped.value) {
        this.mode = 'step'; // the end (or a damaged block): pause there
        break;
      }
      records.push(stepped.value);
      this.lastAt = stepped.value.at;
    }
    if (records.length > 0 || this.mode === 'step') this.forward(records);
    this.schedule();
  }
}
