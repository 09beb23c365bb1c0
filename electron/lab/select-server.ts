import { performance } from 'node:perf_hooks';
import { argSchemas, optionsSchema, type Notice } from '../../shared/contract';
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
import { Events } from './events';
import { Listener } from './listener';
import { Pacer } from './pacer';
import { Ring } from './ring';
import { Tally } from './tally';
import { SelectLoop, type Step } from './select-loop';
import { checkAddress, describeListenError } from './start-errors';
import type { Connection } from './connection';

type EngineEvents = { iteration: IterationRecord; action: Action; state: null; notice: Notice };

interface OpenIteration {
  record: IterationRecord;
  steps: Generator<[Action['phase'], Step]>;
  started: number;
}

const QUEUE_PREVIEW_MESSAGES = 256;
const QUEUE_PREVIEW_BYTES = 256;

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
  private iterations = 0;
  private lastSets: SelectSets | null = null;
  private current: OpenIteration | null = null;
  private readonly records: Ring<IterationRecord>;
  private readonly tally = new Tally();
  private readonly pacer = new Pacer(() => this.tick());
  private lastEnd = 0;

  constructor(
    options: Partial<EngineOptions> = {},
    private fidelity: Fidelity = 'safe',
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.records = new Ring(this.options.historySize);
  }

  on<K extends keyof EngineEvents>(event: K, listener: (payload: EngineEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  async start(host: string, port: number): Promise<Result<ServerStatus>> {
    if (this.status.state === 'listening' || this.status.state === 'starting') {
      return fail(
        'ALREADY_RUNNING',
        `The server is already listening on ${this.status.address ?? `${host}:${port}`}. Stop it first.`,
      );
    }
    const bad = checkAddress(host, port);
    if (bad) return bad;
    this.setStatus({ state: 'starting', host, port, address: null, error: null });
    const listener = new Listener(this.wake, (error) =>
      this.notice(
        'error',
        error.code ?? 'ACCEPT',
        `accept() failed: ${error.message}. The server keeps serving the open connections.`,
      ),
    );
    const error = await listener.listen(host, port);
    if (error) {
      const result = describeListenError(error, host, port);
      this.setStatus({
        state: 'stopped',
        host,
        port,
        address: null,
        error: result.ok ? null : result.error.message,
      });
      return result;
    }
    this.loop = new SelectLoop(listener, this.connectionChanged);
    this.loop.options = this.options;
    this.loop.fidelity = this.fidelity;
    this.iterations = 0;
    this.lastSets = null;
    this.records.clear();
    this.tally.reset();
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
    const parsed = argSchemas.setMode.safeParse({ mode });
    if (!parsed.success)
      return fail('BAD_ARGUMENT', `Unknown mode "${String(mode)}": use run, slow or step.`);
    this.mode = mode;
    this.pacer.cancel();
    this.wake();
    this.emitState();
    return ok(null);
  }

  setFidelity(fidelity: Fidelity): Result<null> {
    const parsed = argSchemas.setFidelity.safeParse({ fidelity });
    if (!parsed.success)
      return fail('BAD_ARGUMENT', `Unknown fidelity "${String(fidelity)}": use safe or tutorial.`);
    this.fidelity = fidelity;
    if (this.loop) this.loop.fidelity = fidelity;
    this.emitState();
    return ok(null);
  }

  setOptions(patch: Partial<EngineOptions>): Result<EngineOptions> {
    const parsed = optionsSchema.partial().safeParse(patch);
    if (!parsed.success)
      return fail(
        'BAD_ARGUMENT',
        `Invalid options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    const next = { ...this.options, ...parsed.data };
    if (next.queueCap < next.recvSize)
      return fail(
        'BAD_ARGUMENT',
        `The queue cap (${next.queueCap} B) must hold at least one recv (${next.recvSize} B).`,
      );
    if (next.totalQueueCap < next.queueCap)
      return fail(
        'BAD_ARGUMENT',
        `The total queue cap (${next.totalQueueCap} B) must be at least the per-connection cap (${next.queueCap} B).`,
      );
    this.options = next;
    this.records.resize(next.historySize);
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
    const refused = this.refuseStep();
    if (refused) return refused;
    if (!this.current) {
      const opened = this.open();
      if (!opened.ok) return opened;
    }
    const record = (this.current as OpenIteration).record;
    while (this.advance()) {
      /* drain */
    }
    return ok(record);
  }

  /** Step mode: runs one action, starting the next iteration (its select()) when needed. */
  stepAction(): Result<Action> {
    const refused = this.refuseStep();
    if (refused) return refused;
    const action = this.current ? this.advance() : null;
    if (action) return ok(action);
    const opened = this.open();
    if (!opened.ok) return opened;
    return ok(this.advance() as Action);
  }

  snapshot(): EngineSnapshot {
    const loop = this.loop;
    return {
      server: { ...this.status },
      mode: this.mode,
      fidelity: this.fidelity,
      options: { ...this.options },
      iteration: this.iterations,
      inputs: loop ? [...loop.inputs] : [],
      outputs: loop ? [...loop.outputs] : [],
      lastSets: this.lastSets,
      pending: this.pending(),
      cursor: this.current
        ? {
            iteration: this.current.record.n,
            done: this.current.record.actions.length,
            sets: this.current.record.sets,
          }
        : null,
      pendingAccepts: loop ? loop.listener.pendingCount : 0,
      connections: loop ? [...loop.sockets.values()].map((c) => c.view()) : [],
      totals: { ...this.tally.totals },
    };
  }

  /** Step mode, halted before select(): what it would return now. */
  pending(): SelectSets | null {
    return this.mode === 'step' && this.loop && !this.current ? this.loop.select() : null;
  }

  history(): IterationRecord[] {
    return this.records.toArray();
  }

  connectionView(id: SocketId): ConnectionView | undefined {
    return this.loop?.sockets.get(id)?.view();
  }

  inspect(id: SocketId): Result<ConnectionDetail> {
    const connection = this.loop?.sockets.get(id);
    if (!connection) return fail('NO_SUCH_CONNECTION', `There is no open connection #${id}.`);
    const messages = connection.queue.peek(QUEUE_PREVIEW_MESSAGES);
    return ok({
      ...connection.view(),
      queue: messages.map((m) => ({
        bytes: m.length,
        preview: m.subarray(0, QUEUE_PREVIEW_BYTES).toString('base64'),
      })),
      queueMore: connection.queue.length - messages.length,
      history: [...connection.history],
    });
  }

  /** Connections changed or removed since the last call (tracking starts with the first call). */
  takeChanges(): { changed: SocketId[]; removed: SocketId[] } {
    return this.tally.take(this.loop?.sockets.keys() ?? []);
  }

  private refuseStep(): Result<never> | null {
    if (!this.loop) return fail('NOT_RUNNING', 'Start the server before stepping.');
    if (this.mode !== 'step')
      return fail('NOT_STEPPING', 'Step works in Step mode: switch Mode to Step first.');
    return null;
  }

  /** Calls select() and opens an iteration, or reports that select() would block. */
  private open(): Result<null> {
    const loop = this.loop as SelectLoop;
    const sets = loop.select();
    if (!loop.isReady(sets)) {
      return fail(
        'NOTHING_READY',
        'select() would block: no socket is ready. Connect a client or send data, then step.',
      );
    }
    this.begin(sets);
    return ok(null);
  }

  private begin(sets: SelectSets): void {
    const loop = this.loop as SelectLoop;
    const record: IterationRecord = {
      n: ++this.iterations,
      at: Date.now(),
      micros: 0,
      fidelity: this.fidelity,
      inputs: [...loop.inputs],
      outputs: [...loop.outputs],
      sets,
      actions: [],
      after: { inputs: [], outputs: [], queues: [] },
    };
    this.lastSets = sets;
    this.current = { record, steps: loop.iteration(sets), started: 0 };
  }

  /** Runs the next action of the open iteration; closes the iteration (returning null) when it has none left. */
  private advance(): Action | null {
    const current = this.current;
    if (!current || !this.loop) return null;
    const started = performance.now();
    const next = current.steps.next();
    current.record.micros += Math.round((performance.now() - started) * 1000);
    if (next.done) {
      this.finish(current.record);
      return null;
    }
    const [phase, body] = next.value;
    const action = { ...body, phase } as Action;
    current.record.actions.push(action);
    this.loop.sockets.get(action.kind === 'select' ? -1 : action.id)?.remember(action);
    this.tally.count(action);
    this.events.emit('action', action);
    if (action.kind === 'crash') this.crashed(action);
    return action;
  }

  private finish(record: IterationRecord): void {
    const loop = this.loop as SelectLoop;
    this.current = null;
    this.lastEnd = Date.now();
    record.after.inputs = [...loop.inputs];
    record.after.outputs = [...loop.outputs];
    for (const [id, queue] of loop.messageQueues)
      if (queue.length > 0) record.after.queues.push([id, queue.length, queue.bytes]);
    this.records.push(record);
    this.events.emit('iteration', record);
  }

  private crashed(action: Extract<Action, { kind: 'crash' }>): void {
    const message = `Tutorial mode: ${formatAction(action)}.`;
    if (!this.options.stopOnCrash) {
      this.notice('warning', action.exception, `${message} The lab carries on as the fixed server would.`);
      return;
    }
    this.notice('error', action.exception, `${message} The server stopped, as the original would.`);
    if (this.current) this.finish(this.current.record);
    void this.shutdown('crashed', message);
  }

  private async shutdown(state: 'stopped' | 'crashed', error: string | null): Promise<void> {
    const loop = this.loop;
    if (!loop) return;
    this.loop = null;
    this.current = null;
    this.pacer.cancel();
    for (const id of loop.sockets.keys()) this.tally.removed(id);
    loop.destroyAll();
    await loop.listener.close();
    this.setStatus({ ...this.status, state, address: null, error });
  }

  private readonly connectionChanged = (connection: Connection): void => {
    this.tally.changed(connection.id);
    if (this.mode === 'step') this.emitState();
    else this.wake();
  };

  /** Schedules a pass of the loop: at once in Run mode, after the delay in Slow mode, never in Step mode. */
  private readonly wake = (): void => {
    if (this.mode === 'step') this.emitState();
    else if (this.loop)
      this.pacer.schedule(
        this.mode === 'run' ? null : Math.max(0, this.lastEnd + this.options.slowDelayMs - Date.now()),
      );
  };

  private tick(): void {
    if (!this.loop || this.mode === 'step') return;
    if (!this.current) {
      const sets = this.loop.select();
      // Nothing ready: select() blocks until a socket event wakes the loop.
      if (!this.loop.isReady(sets)) return;
      this.begin(sets);
    }
    while (this.advance()) {
      /* one whole iteration */
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
