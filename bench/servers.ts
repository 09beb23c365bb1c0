import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EngineOptions } from '../shared/engine';
import type { FromServer, ToServer } from './protocol';

/** `traced-seed`: the seed under the lab's tracer (an extra row, beside the seed's own). */
export type ServerName = 'node' | 'engine' | 'seed' | 'traced-seed';

export interface ServerLaunch {
  name: ServerName;
  /** Engine options (engine), or TCP_NODELAY on accepted sockets (seed). */
  options?: Partial<EngineOptions>;
  /** Extra node flags for the engine process, e.g. --cpu-prof. */
  execArgv?: string[];
  /** Engine: record to this file (a RecordingWriter, as the window's Record). */
  recordTo?: string;
}

const READY_TIMEOUT_MS = 15_000;
const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

/** One echo server in its own process, so it gets a core to itself. */
export class ServerProcess {
  port = 0;
  /** How the process ended, when it did: the last stderr line says why (a Python traceback's exception). */
  exit: string | null = null;
  private stderr = '';

  private constructor(
    readonly name: ServerName,
    readonly child: ChildProcess,
  ) {
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    child.once('exit', (code, signal) => {
      const last = this.stderr.trim().split('\n').at(-1)?.trim() ?? '';
      // A Python traceback ends "KeyError: <socket.socket …>": the exception's name says enough.
      const exception = /^(\w+(?:Error|Exception))\b/.exec(last)?.[1];
      this.exit = exception ?? (last || (signal ? `killed by ${signal}` : `exit code ${String(code)}`));
    });
  }

  static async start(launch: ServerLaunch): Promise<ServerProcess> {
    const child = spawnServer(launch);
    const server = new ServerProcess(launch.name, child);
    server.port = await server.waitReady();
    return server;
  }

  get alive(): boolean {
    return this.exit === null;
  }

  /**
   * CPU time the server has used, µs, from /proc (null where there is none): the process and,
   * for the traced seed, python3 under it (the program the tracer watches).
   */
  cpuMicros(): number | null {
    const pid = this.child.pid;
    if (pid === undefined) return null;
    const own = cpuOf(pid);
    if (own === null || this.name !== 'traced-seed') return own;
    return own + childrenOf(pid).reduce((sum, child) => sum + (cpuOf(child) ?? 0), 0);
  }

  /** The engine's count of iteration records consumed. */
  engineStats(): Promise<{ records: number; actions: number; recordedBytes?: number } | null> {
    if ((this.name !== 'engine' && this.name !== 'traced-seed') || !this.alive) return Promise.resolve(null);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), 2000);
      const onMessage = (message: FromServer): void => {
        if (message.type !== 'stats') return;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        resolve({ records: message.records, actions: message.actions, recordedBytes: message.recordedBytes });
      };
      this.child.on('message', onMessage);
      this.child.send({ type: 'stats' } satisfies ToServer);
    });
  }

  /** Asks politely (so a CPU profile gets written), then kills. */
  async stop(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    if (this.child.connected) this.child.send({ type: 'stop' } satisfies ToServer);
    else this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }

  private waitReady(): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => fail(`${this.name} server did not start within ${READY_TIMEOUT_MS} ms`),
        READY_TIMEOUT_MS,
      );
      const fail = (why: string): void => {
        clearTimeout(timer);
        this.child.kill('SIGKILL');
        reject(new Error(why));
      };
      this.child.once('exit', () => fail(`${this.name} server exited before listening: ${this.exit ?? ''}`));
      this.child.on('message', (message: FromServer) => {
        if (message.type !== 'ready') return;
        clearTimeout(timer);
        resolve(message.port);
      });
      let stdout = '';
      this.child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening (\d+)\n/.exec(stdout);
        if (!match) return;
        clearTimeout(timer);
        resolve(Number(match[1]));
      });
    });
  }
}

function spawnServer(launch: ServerLaunch): ChildProcess {
  const stdio: ['ignore', 'pipe', 'pipe', 'ipc'] = ['ignore', 'pipe', 'pipe', 'ipc'];
  if (launch.name === 'seed') {
    const args = [
      '-u',
      here('./seed_server.py'),
      '0',
      ...(launch.options?.noDelay ? ['--nodelay'] : []),
      ...(launch.options?.backlog ? [`--backlog=${launch.options.backlog}`] : []),
    ];
    return spawn('python3', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  }
  const execArgv = ['--import', 'tsx', ...(launch.execArgv ?? [])];
  if (launch.name === 'node') return fork(here('./node-echo-server.ts'), [], { execArgv, stdio });
  if (launch.name === 'traced-seed')
    return fork(here('./traced-seed-server.ts'), [String(launch.options?.backlog ?? 5)], { execArgv, stdio });
  const args = [JSON.stringify(launch.options ?? {}), ...(launch.recordTo ? [launch.recordTo] : [])];
  return fork(here('./engine-server.ts'), args, { execArgv, stdio });
}

/** utime + stime of a process, µs (clock ticks of 10 ms: USER_HZ is 100 on Linux). */
function cpuOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return null;
  }
}

/** A process's children, from /proc/<pid>/task/<pid>/children. */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** True where `python3` runs (the seed is skipped, and said so, elsewhere). */
export function hasPython(): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('python3', ['-c', 'import select, queue'], { stdio: 'ignore' });
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
  });
}
