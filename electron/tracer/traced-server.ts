import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Notice } from '../../shared/contract';
import {
  DEFAULT_OPTIONS,
  LISTENER_FD,
  type Action,
  type ConnectionDetail,
  type EngineOptions,
  type EngineSnapshot,
  type EngineState,
  type IterationRecord,
  type Mode,
  type ServerStatus,
  type SocketId,
} from '../../shared/engine';
import { fail, ok, type Result } from '../../shared/result';
import { Events } from '../lab/events';
import type { EngineEvents } from '../lab/select-server';
import { Ring } from '../lab/ring';
import { TracedProgram, type ProgramSpec } from './program';
import { ProgramLoop } from './program-loop';
import { SelectProbe } from './select-probe';
import type { ShimEvent } from './shim-events';

/** A program's source is shown in the code panel up to this size. */
const MAX_SOURCE = 256 * 1024;
/** With no select() this long after it started, the window says so. */
const FIRST_SELECT_WAIT_MS = 5_000;

const NOT_HERE = (what: string): Result<never> =>
  fail('NOT_SUPPORTED', `${what} is the lab's own engine's: a real program runs its own code.`);

/**
 * A real Python program under the lab's tracer, driven like the engine: the host and
 * the window take it through the same port (EnginePort), so every panel works on it.
 * Start runs the program, Step lets it make one more pass of its loop, Run lets it go.
 */
export class TracedServer {
  private readonly events = new Events<EngineEvents>();
  private program: TracedProgram | null = null;
  private loop: ProgramLoop | null = null;
  private readonly history_ = new Ring<IterationRecord>(DEFAULT_OPTIONS.historySize);
  private mode: Mode = 'run';
  private status: ServerStatus = { state: 'stopped', host: '', port: 0, address: null, error: null };
  private traceback: string | null = null;
  private exit: string | null = null;
  private note: string | null = null;
  private runs = 0;
  private waiters: ((record: IterationRecord | null) => void)[] = [];
  private probe: SelectProbe | null = null;
  private readonly file: { path: string; text: string } | null;

  constructor(
    private readonly spec: Omit<ProgramSpec, 'step'>,
    /** How long a program may run before the window says it has not called select() yet. */
    private readonly quietMs = FIRST_SELECT_WAIT_MS,
    /** The program is the seed itself (Run the original). */
    private readonly original = false,
  ) {
    this.file = readSource(resolve(spec.cwd ?? process.cwd(), spec.args[0] ?? ''));
  }

  on<K extends keyof EngineEvents>(event: K, listener: (payload: EngineEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  /** Starts the program (host and port are the program's own business: it binds where it likes). */
  async start(_host?: string, _port?: number): Promise<Result<ServerStatus>> {
    if (this.program && !this.program.exited)
      return fail('ALREADY_RUNNING', 'The program is already running.');
    const started = await TracedProgram.start({ ...this.spec, step: this.mode === 'step' });
    if (!started.ok) {
      this.setStatus({ ...this.status, state: 'stopped', error: started.error.message });
      return started;
    }
    const program = started.value;
    this.program = program;
    this.runs++;
    this.history_.clear();
    this.traceback = this.exit = null;
    this.note = null;
    this.loop = new ProgramLoop(
      (action) => this.acted(action),
      (record) => this.finished(record),
    );
    this.probe = new SelectProbe(program, this.loop, () => this.emitState());
    this.probe.watch(this.mode === 'step');
    program.on('event', (event) => this.take(event));
    program.on('protocol', (message) => this.notice('error', 'TRACER', message));
    program.on('exit', ({ code, signal }) => this.exited(code, signal));
    const quiet = setTimeout(() => this.noSelectYet(), this.quietMs);
    quiet.unref();
    program.on('exit', () => clearTimeout(quiet));
    this.setStatus({ state: 'starting', host: '', port: 0, address: null, error: null });
    return ok(this.status);
  }

  async stop(): Promise<Result<ServerStatus>> {
    if (!this.program || this.program.exited) return fail('NOT_RUNNING', 'The program is not running.');
    await this.program.stop();
    return ok(this.status);
  }

  setMode(mode: Mode): Result<null> {
    if (mode === 'slow')
      return fail('NOT_SUPPORTED', 'Slow is for the lab’s own engine: a real program runs, or steps.');
    this.mode = mode;
    this.program?.command(mode === 'step' ? 'step' : 'run');
    if (mode === 'run') this.probe?.forget();
    this.probe?.watch(mode === 'step');
    this.emitState();
    return ok(null);
  }

  setFidelity(): Result<null> {
    return NOT_HERE('Safe and Tutorial mode');
  }

  setOptions(_patch: Partial<EngineOptions>): Result<EngineOptions> {
    return NOT_HERE('Socket options');
  }

  /** Step mode: lets the program make one more pass of its loop (its select() and what follows). */
  async step(): Promise<Result<IterationRecord>> {
    const program = this.program;
    const loop = this.loop;
    if (!program || !loop || program.exited) return fail('NOT_RUNNING', 'Start the program before stepping.');
    if (this.mode !== 'step')
      return fail('NOT_STEPPING', 'Step works in Step mode: switch Mode to Step first.');
    if (!loop.halted) return fail('NOTHING_READY', 'The program is not waiting at a select() yet.');
    const sets = await this.probe?.ask();
    if (sets && sets.readable.length + sets.writable.length + sets.exceptional.length === 0)
      return fail(
        'NOTHING_READY',
        'select() would block: no socket is ready. Connect a client or send data, then step.',
      );
    const done = new Promise<IterationRecord | null>((resolve) => this.waiters.push(resolve));
    program.command('go');
    const record = await done;
    return record ? ok(record) : fail('NOT_RUNNING', 'The program ended during the step.');
  }

  stepAction(): Promise<Result<Action>> {
    return Promise.resolve(
      fail(
        'NOT_SUPPORTED',
        'Step action runs the lab’s own engine one action at a time; a real program steps one pass of its loop.',
      ),
    );
  }

  snapshot(): EngineSnapshot {
    return { ...this.state(), connections: this.loop?.connections() ?? [] };
  }

  /** The snapshot without its connections. */
  state(): EngineState {
    const loop = this.loop;
    const listener = loop?.listener;
    return {
      server: { ...this.status },
      program: {
        argv: [this.spec.python ?? 'python3', ...this.spec.args],
        pid: this.program?.pid ?? null,
        file: this.file,
        original: this.original,
        api: loop?.api ?? null,
        selectLine: loop?.selectLine ?? null,
        exit: this.exit,
        traceback: this.traceback,
        note: this.note,
      },
      run: this.runs,
      mode: this.mode,
      fidelity: 'tutorial',
      options: DEFAULT_OPTIONS,
      iteration: loop?.iteration ?? 0,
      inputs: loop?.inputs ?? [],
      outputs: loop?.outputs ?? [],
      lastSets: loop?.lastSets ?? null,
      pending: this.mode === 'step' ? (this.probe?.pending ?? null) : null,
      cursor: loop?.cursor ?? null,
      listener: {
        fd: listener?.fd ?? LISTENER_FD,
        backlog: listener?.backlog ?? 0,
        queued: 0,
        waiting: 0,
        nextRetryAt: null,
      },
      totals: loop
        ? { ...loop.totals }
        : { accepted: 0, closed: 0, bytesIn: 0, bytesOut: 0, bytesLost: 0, crashes: 0 },
    };
  }

  history(): IterationRecord[] {
    return this.history_.toArray();
  }

  connectionView(id: number) {
    return this.loop?.connectionView(id);
  }

  inspect(id: number): Result<ConnectionDetail> {
    const detail = this.loop?.detail(id);
    return detail ? ok(detail) : fail('NO_SUCH_CONNECTION', `The program has no open connection #${id}.`);
  }

  takeChanges() {
    return this.loop?.takeChanges() ?? { changed: [], removed: [] };
  }

  /** A program's queues are its own: a recording of it holds none. */
  queueSizes(): [SocketId, number[]][] {
    return [];
  }

  private take(event: ShimEvent): void {
    if (event.ev === 'probe') {
      this.probe?.take(event);
      return;
    }
    if (event.ev === 'crash') this.traceback = event.traceback;
    this.loop?.take(event);
    if (event.ev === 'listen') {
      const host = event.host.includes(':') ? `[${event.host}]` : event.host;
      this.setStatus({
        state: 'listening',
        host: event.host,
        port: event.port,
        address: `${host}:${event.port}`,
        error: null,
      });
    }
    if (event.ev === 'select') {
      this.note = null;
      // What the last call would have returned says nothing of this one.
      this.probe?.forget();
      if (this.mode === 'step') void this.probe?.ask();
    }
    this.emitState();
  }

  private acted(action: Action): void {
    this.events.emit('action', action);
  }

  private finished(record: IterationRecord): void {
    this.history_.push(record);
    this.events.emit('iteration', record);
    for (const waiter of this.waiters.splice(0)) waiter(record);
  }

  private exited(code: number | null, signal: NodeJS.Signals | null): void {
    this.probe?.watch(false);
    this.loop?.finish();
    for (const waiter of this.waiters.splice(0)) waiter(null);
    this.exit = signal ? `ended by ${signal}` : `exited with status ${code}`;
    const crashed = this.traceback !== null;
    if (crashed) this.notice('error', 'CRASH', `The program died: ${lastLine(this.traceback ?? '')}`);
    else if ((this.loop?.calls ?? 0) === 0)
      this.notice(
        'warning',
        'EXITED',
        `The program ${this.exit} before its first select(). ${lastLine(this.program?.stderr ?? '')}`.trim(),
      );
    this.setStatus({
      ...this.status,
      state: crashed ? 'crashed' : 'stopped',
      address: null,
      error: crashed ? lastLine(this.traceback ?? '') : null,
    });
  }

  private noSelectYet(): void {
    if (!this.program || this.program.exited || (this.loop?.calls ?? 0) > 0) return;
    const served = (this.loop?.connections().length ?? 0) > 0;
    this.note = served
      ? 'The program serves connections without a select(), poll() or epoll() call the tracer knows: threads, blocking sockets, or an event loop written in C (uvloop, gevent). The lab shows its socket calls, not its loop.'
      : `The program has not called select(), poll() or epoll() yet (it has run for ${Math.round(this.quietMs / 1000)} s).`;
    this.notice('warning', 'NO_SELECT', this.note);
    this.emitState();
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

function readSource(path: string): { path: string; text: string } | null {
  try {
    if (statSync(path).size > MAX_SOURCE) return null;
    return { path, text: readFileSync(path, 'utf8') };
  } catch {
    return null;
  }
}

const lastLine = (text: string): string => text.trim().split('\n').at(-1) ?? '';
