import type { Breakpoint } from '../../shared/breakpoints';
import { argSchemas, type Notice } from '../../shared/contract';
import { DEFAULT_OPTIONS, LISTENER_FD } from '../../shared/engine';
import type {
  Action,
  ConnectionDetail,
  ConnectionView,
  EngineOptions,
  EngineSnapshot,
  EngineState,
  Fidelity,
  IterationRecord,
  ListenerView,
  Mode,
  SelectSets,
  ServerStatus,
  SocketId,
} from '../../shared/engine';
import { formatAction } from '../../shared/format';
import { fail, ok, type Result } from '../../shared/result';
import { Breakpoints } from './breakpoints';
import type { Connection } from './connection';
import type { DescriptorGuard } from './descriptors';
import { Events } from './events';
import { mergeOptions } from './options';
import { Pacer } from './pacer';
import { Recorder } from './recorder';
import { SelectLoop } from './select-loop';
import { checkAddress } from './start-errors';
import { startListener } from './start-listener';
import { settled, Stepping } from './stepping';
import { Tally } from './tally';
import { recordUserClose } from './user-actions';

/** What the engine tells its host; a watched program (electron/tracer/) tells the same. */
export type EngineEvents = { iteration: IterationRecord; action: Action; state: null; notice: Notice };

/**
 * The lab's echo server: a SelectLoop on real sockets, driven in Run, Slow or
 * Step mode, recording every iteration. Plain Node: no `electron` import.
 */
export class SelectServer {
  private readonly events = new Events<EngineEvents>();
  private loop: SelectLoop | null = null;
  private mode: Mode = 'run';
  private options: EngineOptions;
  private status: ServerStatus = { state: 'stopped', host: '', port: 0, address: null, error: null };
  private readonly recorder: Recorder;
  private readonly tally = new Tally();
  private readonly pacer = new Pacer(() => this.tick());
  private lastEnd = 0;
  private runs = 0;
  private readonly stepping: Stepping;
  /** Refuses and reports connections past the descriptor limit (descriptors.ts). */
  private descriptors: DescriptorGuard | null = null;
  /** Run until: what the loop runs towards, and where it last halted (breakpoints.ts). */
  private readonly breakpoints = new Breakpoints();
  /** The iteration under way, so a breakpoint's halt is recorded in it. */
  private openRecord: IterationRecord | null = null;
  /** The listener's arrivals at the last look, and since when a burst has held a Step up. */
  private arrivalsSeen = 0;
  private burstSince: number | null = null;

  constructor(
    options: Partial<EngineOptions> = {},
    private fidelity: Fidelity = 'safe',
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.recorder = new Recorder(
      this.options.historySize,
      (action) => this.acted(action),
      (record) => {
        // When it ended, without reading the clock again: Slow mode's delay counts from here.
        this.lastEnd = record.at + record.micros / 1000;
        this.events.emit('iteration', record);
      },
    );
    this.stepping = new Stepping({
      recorder: this.recorder,
      steppable: () => this.steppable(),
      open: (loop) => this.open(loop),
      onIteration: (listener) => this.events.on('iteration', listener),
      landing: () => this.landing(),
    });
  }

  on<K extends keyof EngineEvents>(event: K, listener: (payload: EngineEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  async start(host: string, port: number): Promise<Result<ServerStatus>> {
    if (this.status.state === 'listening' || this.status.state === 'starting') {
      const where = this.status.address ?? `${host}:${port}`;
      return fail('ALREADY_RUNNING', `The server is already listening on ${where}. Stop it first.`);
    }
    const bad = checkAddress(host, port);
    if (bad) return bad;
    this.setStatus({ state: 'starting', host, port, address: null, error: null });
    const started = await startListener(host, port, this.options, {
      wake: this.wake,
      notice: (level, code, message) => this.notice(level, code, message),
      maxWaiting: () => this.options.maxConnections,
    });
    if (!started.ok) {
      this.setStatus({ state: 'stopped', host, port, address: null, error: started.error.message });
      return started;
    }
    const { listener, descriptors } = started.value;
    this.descriptors = descriptors;
    this.loop = new SelectLoop(listener, this.connectionChanged);
    this.loop.options = this.options;
    this.loop.fidelity = this.fidelity;
    this.recorder.reset();
    this.tally.reset();
    this.arrivalsSeen = 0;
    this.burstSince = null;
    this.runs++;
    const bound = listener.address();
    const address = `${bound.host.includes(':') ? `[${bound.host}]` : bound.host}:${bound.port}`;
    this.setStatus({ state: 'listening', host, port: bound.port, address, error: null });
    return ok(this.status);
  }

  async stop(): Promise<Result<ServerStatus>> {
    if (!this.loop) return fail('NOT_RUNNING', 'The server is not running.');
    await this.shutdown('stopped', null);
    return ok(this.status);
  }

  setMode(mode: Mode): Result<null> {
    if (!argSchemas.setMode.safeParse({ mode }).success) {
      return fail('BAD_ARGUMENT', `Unknown mode "${String(mode)}": use run, slow or step.`);
    }
    this.mode = mode;
    // The user took the wheel: Run until stops watching.
    this.breakpoints.disarm();
    this.breakpoints.halt = null;
    this.pacer.cancel();
    this.wake();
    this.emitState();
    return ok(null);
  }

  setFidelity(fidelity: Fidelity): Result<null> {
    if (!argSchemas.setFidelity.safeParse({ fidelity }).success) {
      return fail('BAD_ARGUMENT', `Unknown fidelity "${String(fidelity)}": use safe or tutorial.`);
    }
    this.fidelity = fidelity;
    if (this.loop) this.loop.fidelity = fidelity;
    this.emitState();
    return ok(null);
  }

  setOptions(patch: Partial<EngineOptions>): Result<EngineOptions> {
    const merged = mergeOptions(this.options, patch);
    if (!merged.ok) return merged;
    const next = merged.value;
    this.options = next;
    this.recorder.history.resize(next.historySize);
    if (this.loop) {
      this.loop.options = next;
      this.loop.listener.backlog = next.backlog;
      for (const connection of this.loop.sockets.values()) {
        connection.socket.setNoDelay(next.noDelay);
        connection.setRecvBufferSize(next.recvBufferSize);
      }
    }
    this.pacer.cancel();
    this.wake();
    this.emitState();
    return ok(next);
  }

  /** Resolves once Node's event loop has polled the sockets since the call (stepping.ts). */
  settled(): Promise<void> {
    return settled(() => this.landing());
  }

  /**
   * Run until: runs at full speed (Run mode) until an action meets `breakpoint`, then finishes
   * that pass and halts in Step mode, with a halt action recorded right after the one that met
   * it and the reason in the snapshot.
   */
  runUntil(breakpoint: Breakpoint): Result<null> {
    if (!this.loop) return fail('NOT_RUNNING', 'Start the server before Run until.');
    if (breakpoint.kind === 'iteration' && breakpoint.n <= this.recorder.count) {
      const message = `Iteration ${breakpoint.n} has run already (the loop is at ${this.recorder.count}): pick a later one.`;
      return fail('BAD_ARGUMENT', message);
    }
    this.breakpoints.arm(breakpoint);
    this.mode = 'run';
    this.pacer.cancel();
    this.wake();
    this.emitState();
    return ok(null);
  }

  /**
   * The user's Close (FIN) or Reset (RST) of connection `id`, between two passes of the loop.
   * Recorded as a record of its own, whose actions have the phase `user` and no select().
   */
  closeConnection(id: SocketId, how: 'close' | 'reset'): Result<null> {
    const loop = this.loop;
    const connection = loop?.sockets.get(id);
    if (!loop || !connection) return fail('NO_SUCH_CONNECTION', `There is no open connection #${id}.`);
    if (this.recorder.isOpen) {
      const message = `Iteration ${this.recorder.count} is halfway through: press Step to finish it, then ${how} #${id}.`;
      return fail('MID_ITERATION', message);
    }
    recordUserClose(this.recorder, loop, connection, how, this.fidelity, (action) => this.acted(action));
    this.wake();
    return ok(null);
  }

  /** Step mode: runs one iteration, or the rest of the one under way. */
  step(): Promise<Result<IterationRecord>> {
    this.breakpoints.halt = null;
    return this.stepping.step();
  }

  /** Step mode: runs one action, starting the next iteration (its select()) when needed. */
  stepAction(): Promise<Result<Action>> {
    this.breakpoints.halt = null;
    return this.stepping.stepAction();
  }

  snapshot(): EngineSnapshot {
    const loop = this.loop;
    return { ...this.state(), connections: loop ? [...loop.sockets.values()].map((c) => c.view()) : [] };
  }

  /**
   * The snapshot without its connections. The lists are the loop's own arrays, shared until
   * they change (never mutate them): an unchanged list is the same object as at the last call.
   */
  state(): EngineState {
    const loop = this.loop;
    return {
      server: { ...this.status },
      program: null,
      run: this.runs,
      mode: this.mode,
      fidelity: this.fidelity,
      options: { ...this.options },
      iteration: this.recorder.count,
      inputs: loop ? loop.inputs.toArray() : [],
      outputs: loop ? loop.outputs.toArray() : [],
      lastSets: this.recorder.lastSets,
      pending: this.pending(),
      cursor: this.recorder.cursor,
      listener: loop ? loop.listener.view() : idleListener(this.options.backlog),
      totals: { ...this.tally.totals },
      breakpoint: this.breakpoints.armed,
      halt: this.breakpoints.halt,
    };
  }

  /** Step mode, halted before select(): what it would return now. */
  pending(): SelectSets | null {
    return this.mode === 'step' && this.loop && !this.recorder.isOpen ? this.loop.select() : null;
  }

  history(): IterationRecord[] {
    return this.recorder.history.toArray();
  }

  connectionView(id: SocketId): ConnectionView | undefined {
    return this.loop?.sockets.get(id)?.view();
  }

  inspect(id: SocketId): Result<ConnectionDetail> {
    const connection = this.loop?.sockets.get(id);
    return connection
      ? ok(connection.detail())
      : fail('NO_SUCH_CONNECTION', `There is no open connection #${id}.`);
  }

  /** Each connection with a queue, and its messages' sizes (for a recording's snapshots). */
  queueSizes(): [SocketId, number[]][] {
    const loop = this.loop;
    if (!loop) return [];
    return [...loop.messageQueues].flatMap(([id, queue]) => (queue.length > 0 ? [[id, queue.sizes()]] : []));
  }

  /** Connections changed or removed since the last call (tracking starts with the first call). */
  takeChanges(): { changed: SocketId[]; removed: SocketId[] } {
    return this.tally.take(this.loop?.sockets.keys() ?? []);
  }

  private steppable(): Result<SelectLoop> {
    if (!this.loop) return fail('NOT_RUNNING', 'Start the server before stepping.');
    if (this.mode !== 'step')
      return fail('NOT_STEPPING', 'Step works in Step mode: switch Mode to Step first.');
    return ok(this.loop);
  }

  /** Calls select() and opens an iteration, or reports that select() would block. */
  private open(loop: SelectLoop): Result<null> {
    const sets = loop.select();
    if (!loop.isReady(sets) && !loop.wouldRaise) {
      const message = 'select() would block: no socket is ready. Connect a client or send data, then step.';
      return fail('NOTHING_READY', message);
    }
    this.openRecord = this.recorder.begin(loop, sets, this.fidelity);
    return ok(null);
  }

  private acted(action: Action): void {
    this.tally.count(action);
    this.events.emit('action', action);
    if (action.kind === 'crash') this.crashed(action);
    if (action.kind === 'fd-setsize') this.notice('warning', 'FD_SETSIZE', formatAction(action));
  }

  private crashed(action: Extract<Action, { kind: 'crash' }>): void {
    const message = `Tutorial mode: ${formatAction(action)}.`;
    if (!this.options.stopOnCrash) {
      this.notice('warning', action.exception, `${message} The lab carries on as the fixed server would.`);
      return;
    }
    this.notice('error', action.exception, `${message} The server stopped, as the original would.`);
    if (this.loop) this.recorder.close(this.loop);
    void this.shutdown('crashed', message);
  }

  private async shutdown(state: 'stopped' | 'crashed', error: string | null): Promise<void> {
    const loop = this.loop;
    if (!loop) return;
    this.loop = null;
    this.recorder.abandon();
    this.pacer.cancel();
    for (const id of loop.sockets.keys()) this.tally.removed(id);
    loop.destroyAll();
    this.descriptors?.dispose();
    await loop.listener.close();
    this.setStatus({ ...this.status, state, address: null, error });
  }

  private readonly connectionChanged = (connection: Connection): void => {
    this.tally.changed(connection.id);
    this.wake();
  };

  /** Schedules a pass of the loop: at once in Run mode, after the delay in Slow mode, never in Step mode. */
  private readonly wake = (): void => {
    if (this.mode === 'step') this.emitState();
    else if (this.loop) {
      this.pacer.schedule(
        this.mode === 'run' ? null : Math.max(0, this.lastEnd + this.options.slowDelayMs - Date.now()),
      );
    }
  };

  /**
   * One iteration per turn of Node's event loop, or none: it blocks until an event
   * wakes it. One, because select() must answer what the kernel holds: a FIN behind
   * the bytes just read, a reset, data that came before accept() reach Node only when
   * its loop polls again. The pacer runs this from the check phase (Run), right after
   * a poll, or from a timer (Slow), with polls in between; either way every select()
   * follows a poll made after the previous iteration. The cost: one non-blocking
   * epoll_wait and a setImmediate per iteration (measured in the README).
   */
  private tick(): void {
    const loop = this.loop;
    if (!loop || this.mode === 'step') return;
    if (!this.recorder.isOpen && !this.open(loop).ok) return;
    if (this.breakpoints.armed) this.runWatched(loop);
    else this.recorder.runToEnd(loop);
    this.wake();
  }

  /**
   * True while a burst of connections is still landing before a Step: the kernel took them at
   * once, but Node hands them over one per turn of its loop (libuv accepts once per poll). A
   * select() in the middle would find an accept queue the kernel never held, short, with nobody
   * waiting past it: `listen(5)` under 20 clients at once would not fill. So while connections
   * arrived since the last look, the Step waits a turn, for `MAX_STEP_BURST_MS` at most.
   *
   * Run mode does not wait: there the loop serves everyone else, and holding select() for each
   * arrival overflowed the queue under a steady stream of connections that the seed keeps up
   * with (under 100 busy clients, 73 to 79 of 200 connections a millisecond apart waited for
   * SYN retries, the last 7 to 31 s, where the seed made 2 wait 1 s). A burst in Run mode
   * reaches select() a turn at a time, as it would a seed that accepted between the arrivals.
   */
  private landing(): boolean {
    const listener = this.loop?.listener;
    if (!listener) return false;
    const arrived = listener.arrivals !== this.arrivalsSeen;
    this.arrivalsSeen = listener.arrivals;
    const now = performance.now();
    this.burstSince ??= now;
    if (!arrived || now - this.burstSince > MAX_STEP_BURST_MS) {
      this.burstSince = null;
      return false;
    }
    return true;
  }

  /** Run until: the open iteration action by action, halting once the pass whose action met the breakpoint is done. */
  private runWatched(loop: SelectLoop): void {
    const halted = this.breakpoints.runPass(this.recorder, loop, this.openRecord, {
      acted: (action) => this.acted(action),
      stopped: () => this.loop !== loop,
    });
    if (!halted) return;
    this.mode = 'step';
    this.pacer.cancel();
  }

  private setStatus(status: ServerStatus): void {
    this.status = status;
    this.emitState();
  }

  private emitState(): void {
    this.events.emit('state', null);
  }

  private notice(level: Notice['level'], code: string, message: string): void {
    this.events.emit('notice', { level, code, message, at: Date.now() });
  }
}

/** The longest a burst of connections may hold up a Step (see `landing`). */
const MAX_STEP_BURST_MS = 250;

/** The listening socket's view while the server is stopped. */
const idleListener = (backlog: number): ListenerView => ({
  fd: LISTENER_FD,
  backlog,
  queued: 0,
  waiting: 0,
  nextRetryAt: null,
});
