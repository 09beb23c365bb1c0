import { performance } from 'node:perf_hooks';
import { argSchemas, type Notice } from '../../shared/contract';
import { DEFAULT_OPTIONS } from '../../shared/engine';
import type {
  Action,
  ConnectionDetail,
  ConnectionView,
  EngineOptions,
  EngineSnapshot,
  Fidelity,
  IterationRecord,
  Mode,
  SelectSets,
  ServerStatus,
  SocketId,
} from '../../shared/engine';
import { formatAction } from '../../shared/format';
import { fail, ok, type Result } from '../../shared/result';
import type { Connection } from './connection';
import { DescriptorGuard, fileLimits } from './descriptors';
import { Events } from './events';
import { Listener } from './listener';
import { mergeOptions } from './options';
import { Pacer } from './pacer';
import { Recorder } from './recorder';
import { SelectLoop } from './select-loop';
import { checkAddress, describeListenError } from './start-errors';
import { Tally } from './tally';

/** Run mode does at most this many iterations, or this many ms, per turn of Node's event loop. */
const RUN_TURN_ITERATIONS = 32;
const RUN_TURN_MS = 1;

type EngineEvents = { iteration: IterationRecord; action: Action; state: null; notice: Notice };

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
  /** Refuses and reports connections past the descriptor limit (descriptors.ts). */
  private descriptors: DescriptorGuard | null = null;

  constructor(
    options: Partial<EngineOptions> = {},
    private fidelity: Fidelity = 'safe',
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.recorder = new Recorder(
      this.options.historySize,
      (action) => this.acted(action),
      (record) => {
        this.lastEnd = Date.now();
        this.events.emit('iteration', record);
      },
    );
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
    const descriptors = new DescriptorGuard(fileLimits(), (message) =>
      this.notice('error', 'EMFILE', message),
    );
    const listener = new Listener(
      this.wake,
      (error) => {
        const message = `accept() failed: ${error.message}. The server keeps serving the open connections.`;
        this.notice('error', error.code ?? 'ACCEPT', message);
      },
      () => descriptors.admit(),
    );
    this.descriptors = descriptors;
    const error = await listener.listen(host, port);
    if (error) {
      descriptors.dispose();
      const result = describeListenError(error, host, port);
      const message = result.ok ? null : result.error.message;
      this.setStatus({ state: 'stopped', host, port, address: null, error: message });
      return result;
    }
    this.loop = new SelectLoop(listener, this.connectionChanged);
    this.loop.options = this.options;
    this.loop.fidelity = this.fidelity;
    this.recorder.reset();
    this.tally.reset();
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

  /** Step mode: runs one iteration, or the rest of the one under way. */
  step(): Result<IterationRecord> {
    const loop = this.steppable();
    if (!loop.ok) return loop;
    if (!this.recorder.isOpen) {
      const opened = this.open(loop.value);
      if (!opened.ok) return opened;
    }
    let record: IterationRecord | null = null;
    const unsubscribe = this.events.on('iteration', (done) => (record = done));
    this.recorder.runToEnd(loop.value);
    unsubscribe();
    return record ? ok(record) : fail('NOT_RUNNING', 'The server stopped during the step.');
  }

  /** Step mode: runs one action, starting the next iteration (its select()) when needed. */
  stepAction(): Result<Action> {
    const loop = this.steppable();
    if (!loop.ok) return loop;
    const action = this.recorder.stepAction(loop.value);
    if (action) return ok(action);
    const opened = this.open(loop.value);
    if (!opened.ok) return opened;
    return ok(this.recorder.stepAction(loop.value) as Action);
  }

  snapshot(): EngineSnapshot {
    const loop = this.loop;
    return {
      server: { ...this.status },
      run: this.runs,
      mode: this.mode,
      fidelity: this.fidelity,
      options: { ...this.options },
      iteration: this.recorder.count,
      inputs: loop ? [...loop.inputs] : [],
      outputs: loop ? [...loop.outputs] : [],
      lastSets: this.recorder.lastSets,
      pending: this.pending(),
      cursor: this.recorder.cursor,
      pendingAccepts: loop ? loop.listener.pendingCount : 0,
      connections: loop ? [...loop.sockets.values()].map((c) => c.view()) : [],
      totals: { ...this.tally.totals },
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
    if (!loop.isReady(sets)) {
      const message = 'select() would block: no socket is ready. Connect a client or send data, then step.';
      return fail('NOTHING_READY', message);
    }
    this.recorder.begin(loop, sets, this.fidelity);
    return ok(null);
  }

  private acted(action: Action): void {
    this.tally.count(action);
    this.events.emit('action', action);
    if (action.kind === 'crash') this.crashed(action);
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
   * One turn of Node's event loop: iterations while select() would return (up to
   * a small budget, so socket events still get in), or none — it blocks until an
   * event wakes it. Slow mode runs one iteration a turn.
   */
  private tick(): void {
    const loop = this.loop;
    const until = performance.now() + RUN_TURN_MS;
    for (let n = 0; n < RUN_TURN_ITERATIONS; n++) {
      if (this.loop !== loop || !loop || this.mode === 'step') return;
      if (!this.recorder.isOpen && !this.open(loop).ok) return;
      this.recorder.runToEnd(loop);
      if (this.mode === 'slow' || performance.now() > until) break;
    }
    this.wake();
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
