import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Histogram } from './histogram';
import type { FromWorker, LoadResult, LoadSpec, ToWorker } from './protocol';
import type { ServerProcess } from './servers';

/** A case as measured: the workers' results merged, and the server's CPU in the same window. */
export interface Measured {
  result: LoadResult;
  rtt: Histogram;
  /** Server CPU in the window, as a share of one core (null where /proc is missing). */
  serverCpu: number | null;
  loadCpu: number;
  /** Set when a worker had to be killed. */
  timedOut: boolean;
}

const workerPath = fileURLToPath(new URL('./load-worker.ts', import.meta.url));

/** Load generator processes, kept across cases; one that hangs is killed and replaced. */
export class LoadPool {
  private workers: ChildProcess[] = [];

  constructor(private readonly size: number) {
    for (let i = 0; i < size; i++) this.workers.push(spawnWorker());
  }

  close(): void {
    for (const worker of this.workers) worker.kill();
  }

  /** Runs one case against `server`, its connections split across the workers. */
  async run(spec: LoadSpec, server: ServerProcess): Promise<Measured> {
    const shares = this.workers
      .map((worker, i) => ({ worker, spec: share(spec, i, this.workers.length) }))
      .filter((s) => s.spec.connections > 0);
    let timedOut = false;
    const hardLimit = (ms: number): number => ms + 5000;
    const replies = (type: FromWorker['type'], ms: number): Promise<(FromWorker | null)[]> =>
      Promise.all(shares.map((s) => reply(s.worker, type, hardLimit(ms))));
    for (const s of shares) s.worker.send({ type: 'connect', spec: s.spec } satisfies ToWorker);
    await replies('connected', spec.connectTimeoutMs);
    // A server that dies mid-case ends the case now, not at the deadline.
    const watch = setInterval(() => {
      if (!server.alive) for (const s of shares) s.worker.send({ type: 'stop' } satisfies ToWorker);
    }, 50);
    let cpuAtWindow: number | null = null;
    const windowTimer = setTimeout(() => (cpuAtWindow = server.cpuMicros()), spec.warmupMs);
    if (spec.warmupMs === 0) cpuAtWindow = server.cpuMicros();
    for (const s of shares) s.worker.send({ type: 'go' } satisfies ToWorker);
    const results = await replies('result', spec.warmupMs + spec.durationMs);
    const cpuAtEnd = server.cpuMicros();
    clearInterval(watch);
    clearTimeout(windowTimer);
    const merged: LoadResult[] = [];
    results.forEach((message, i) => {
      if (message?.type === 'result') merged.push(message.result);
      else {
        timedOut = true;
        this.replace(shares[i]?.worker);
      }
    });
    const result = merge(merged);
    const rtt = new Histogram();
    for (const r of merged) rtt.add(r.rtt);
    const windowMicros = result.elapsedMs * 1000;
    return {
      result,
      rtt,
      serverCpu:
        cpuAtWindow !== null && cpuAtEnd !== null && windowMicros > 0
          ? (cpuAtEnd - cpuAtWindow) / windowMicros
          : null,
      loadCpu: windowMicros > 0 ? result.cpuMicros / windowMicros : 0,
      timedOut,
    };
  }

  private replace(worker: ChildProcess | undefined): void {
    const index = worker ? this.workers.indexOf(worker) : -1;
    if (index < 0) return;
    worker?.kill('SIGKILL');
    this.workers[index] = spawnWorker();
  }
}

function spawnWorker(): ChildProcess {
  return fork(workerPath, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** Worker `i`'s part of the case. */
function share(spec: LoadSpec, i: number, n: number): LoadSpec {
  const part = (count: number): number => Math.floor(count / n) + (i < count % n ? 1 : 0);
  const before = (count: number): number =>
    Array.from({ length: i }, (_, j) => Math.floor(count / n) + (j < count % n ? 1 : 0)).reduce(
      (a, b) => a + b,
      0,
    );
  return {
    ...spec,
    connections: part(spec.connections),
    total: part(spec.total),
    firstClient: spec.firstClient + before(Math.max(spec.connections, spec.total)),
  };
}

function reply(
  worker: ChildProcess,
  type: FromWorker['type'],
  timeoutMs: number,
): Promise<FromWorker | null> {
  return new Promise((resolve) => {
    const done = (message: FromWorker | null): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      resolve(message);
    };
    const onMessage = (message: FromWorker): void => {
      if (message.type === type) done(message);
    };
    const onExit = (): void => done(null);
    const timer = setTimeout(() => done(null), timeoutMs);
    worker.on('message', onMessage);
    worker.once('exit', onExit);
  });
}

function merge(results: LoadResult[]): LoadResult {
  const total: LoadResult = {
    messages: 0,
    verified: 0,
    mismatches: 0,
    connected: 0,
    served: 0,
    attempted: 0,
    errors: {},
    rtt: [],
    cpuMicros: 0,
    elapsedMs: 0,
  };
  for (const r of results) {
    total.messages += r.messages;
    total.verified += r.verified;
    total.mismatches += r.mismatches;
    total.connected += r.connected;
    total.served += r.served;
    total.attempted += r.attempted;
    total.cpuMicros += r.cpuMicros;
    total.elapsedMs = Math.max(total.elapsedMs, r.elapsedMs);
    for (const [code, count] of Object.entries(r.errors))
      total.errors[code] = (total.errors[code] ?? 0) + count;
  }
  return total;
}
