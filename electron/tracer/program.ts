import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Events } from '../lab/events';
import { fail, ok, type Result } from '../../shared/result';
import { MAX_LINE, parseShimEvent, type ShimCommand, type ShimEvent } from './shim-events';

/** The tracer (sitecustomize.py) and its launcher, beside this file. */
export const TRACER_DIR = fileURLToPath(new URL('./python', import.meta.url));
/** What Python printed last on stderr, kept for the window: a traceback fits. */
const STDERR_KEPT = 64 * 1024;

export interface ProgramSpec {
  /** The Python to run (python3 by default). */
  python?: string;
  /** The script and its arguments. */
  args: string[];
  cwd?: string;
  /** Halt before the first select() until told to go (Step mode). */
  step: boolean;
  /** Where the program's own stdout goes: inherited (a terminal), or dropped. */
  stdout?: 'inherit' | 'ignore';
}

export interface ProgramExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

type ProgramEvents = {
  event: ShimEvent;
  /** A line the tracer should never send: the channel is closed, the program runs on untraced. */
  protocol: string;
  stderr: string;
  exit: ProgramExit;
};

/**
 * A Python program run under the lab's tracer, with a private channel to it (a socket
 * pair on descriptor 3: nothing else can connect). Every line it sends is validated.
 */
export class TracedProgram {
  private readonly events = new Events<ProgramEvents>();
  private stderrTail = '';
  private pendingLine = '';
  exited: ProgramExit | null = null;

  private constructor(
    readonly spec: ProgramSpec,
    private readonly child: ChildProcess,
    private readonly channel: Duplex,
  ) {
    channel.setEncoding('utf8');
    channel.on('data', (chunk: string) => this.take(chunk));
    channel.on('error', () => undefined);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_KEPT);
      this.events.emit('stderr', chunk);
    });
    child.once('exit', (code, signal) => {
      this.exited = { code, signal };
      this.events.emit('exit', this.exited);
    });
  }

  /** Starts `python3 script args…` under the tracer; a missing Python or script is an error value. */
  static start(spec: ProgramSpec): Promise<Result<TracedProgram>> {
    const python = spec.python ?? 'python3';
    const script = spec.args[0];
    if (script === undefined) return Promise.resolve(fail('BAD_ARGUMENT', 'Name the Python program to run.'));
    // `-m module` and other options go to Python as they are; a script must exist.
    const path = resolve(spec.cwd ?? process.cwd(), script);
    if (!script.startsWith('-') && (!existsSync(path) || !statSync(path).isFile()))
      return Promise.resolve(fail('NO_SUCH_FILE', `There is no file ${path} to run.`));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PYTHONPATH: [TRACER_DIR, process.env.PYTHONPATH].filter(Boolean).join(delimiter),
      SOCKETLAB_TRACE_FD: '3',
      SOCKETLAB_TRACE_STEP: spec.step ? '1' : '0',
      // Tracebacks and prints reach the lab as they happen.
      PYTHONUNBUFFERED: '1',
    };
    const child = spawn(python, ['-S', join(TRACER_DIR, 'launch.py'), ...spec.args], {
      cwd: spec.cwd,
      env,
      stdio: ['ignore', spec.stdout ?? 'ignore', 'pipe', 'pipe'],
    });
    return new Promise((done) => {
      child.once('error', (error: NodeJS.ErrnoException) => {
        done(
          error.code === 'ENOENT'
            ? fail(
                'NO_PYTHON',
                `${python} was not found: install Python 3 (3.8 or newer) or name it with --python.`,
              )
            : fail('INTERNAL', `Could not start ${python}: ${error.message}`),
        );
      });
      child.once('spawn', () => done(ok(new TracedProgram(spec, child, child.stdio[3] as Duplex))));
    });
  }

  get pid(): number | null {
    return this.child.pid ?? null;
  }

  /** What Python wrote last on stderr (its traceback, when it crashed). */
  get stderr(): string {
    return this.stderrTail;
  }

  on<K extends keyof ProgramEvents>(event: K, listener: (payload: ProgramEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  command(cmd: ShimCommand): void {
    if (!this.channel.destroyed) this.channel.write(`${JSON.stringify({ cmd })}\n`);
  }

  /** Ends the program: SIGTERM, then SIGKILL if it lingers. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((done) => this.child.once('exit', () => done()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 2_000);
    await exited;
    clearTimeout(timer);
  }

  private take(chunk: string): void {
    const text = this.pendingLine + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      this.line(text.slice(start, end));
      if (this.channel.destroyed) return; // refused: nothing after a line that is not the tracer's is believed
      start = end + 1;
    }
    this.pendingLine = text.slice(start);
    if (this.pendingLine.length > MAX_LINE) this.refuse(`a line of more than ${MAX_LINE} bytes`);
  }

  private line(line: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      this.refuse('a line that is not JSON');
      return;
    }
    const checked = parseShimEvent(parsed);
    if ('event' in checked) this.events.emit('event', checked.event);
    else this.refuse(`an event that is not the tracer's (${checked.error})`);
  }

  /** Stops listening to a channel that says what the tracer never says. */
  private refuse(what: string): void {
    if (this.channel.destroyed) return;
    this.channel.destroy();
    this.pendingLine = '';
    this.events.emit('protocol', `The traced program sent ${what}: the lab stopped listening to it.`);
  }
}
