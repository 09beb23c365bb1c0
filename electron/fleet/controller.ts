import type { Notice, SpawnSpec } from '../../shared/contract';
import type { ClientView, FleetSummary } from '../../shared/fleet';
import { fail, ok, type Result } from '../../shared/result';
import type { FleetLauncher, FleetProcess } from './launcher';
import { emptyTotals, fromTuple, type FromWorker, type Target } from './protocol';
import { RTT_BUCKETS } from './rtt';
import { ClientBook } from './client-book';

/** Clients alive at once, across spawns (each spawn is capped at 10,000 by the contract). */
const MAX_CLIENTS = 20_000;
const READY_TIMEOUT_MS = 15_000;
const EXIT_TIMEOUT_MS = 3_000;

type ChangeListener = () => void;
type NoticeListener = (notice: Notice) => void;

/**
 * The engine host's handle on the test-client fleet. The fleet process is
 * launched on the first spawn; its death is noticed, reported, and the next
 * spawn launches a new one. Client views arrive in batches from the process.
 */
export class FleetController {
  private process: FleetProcess | null = null;
  private starting: Promise<Result<FleetProcess>> | null = null;
  private readonly book = new ClientBook();
  private totals = emptyTotals();
  private exit: string | null = null;
  private nextId = 1;
  private disposed = false;
  private readonly changeListeners = new Set<ChangeListener>();
  private readonly noticeListeners = new Set<NoticeListener>();
  /** Waiting for the worker to say it has stopped every client (see quiesce). */
  private stopWaiters: (() => void)[] = [];

  constructor(private readonly launch: FleetLauncher) {}

  /** Starts `spec.count` clients against `target`; ids are known at once, the connections ramp up. */
  async spawn(spec: SpawnSpec, target: Target): Promise<Result<{ ids: number[] }>> {
    if (this.disposed) return fail('FLEET_DOWN', 'The client fleet is shut down.');
    if (this.book.live() + spec.count > MAX_CLIENTS)
      return fail('BAD_ARGUMENT', `At most ${MAX_CLIENTS} clients at once: stop some clients first.`);
    const started = await this.ensureProcess();
    if (!started.ok) return started;
    const ids = Array.from({ length: spec.count }, () => this.nextId++);
    this.book.add(ids, spec.behaviour);
    started.value.send({ type: 'spawn', ids, spec, target });
    this.emitChange();
    return ok({ ids });
  }

  /** Closes every client and forgets them. */
  stopAll(): Result<null> {
    this.process?.send({ type: 'stop-all' });
    this.book.clear();
    this.totals = emptyTotals();
    this.emitChange();
    return ok(null);
  }

  /**
   * Stops every client and resolves once the fleet process has done so: from then on, no
   * client spawned before can still connect (a scenario restarting the server relies on it).
   */
  quiesce(): Promise<void> {
    const process = this.process;
    this.stopAll();
    if (!process) return Promise.resolve();
    return new Promise((resolve) => {
      this.stopWaiters.push(resolve);
      setTimeout(resolve, EXIT_TIMEOUT_MS).unref();
    });
  }

  /** Sends a custom message (verified like any payload) from one open client. */
  send(clientId: number, data: Buffer): Result<null> {
    const view = this.book.get(clientId);
    if (!view) return fail('NO_SUCH_CLIENT', `There is no client C${clientId}.`);
    if (!this.process) return fail('FLEET_DOWN', 'The client fleet is not running: spawn clients first.');
    if (view.state !== 'open')
      return fail('BAD_ARGUMENT', `Client C${clientId} is ${view.state}: only an open client can send.`);
    this.process.send({ type: 'send', clientId, base64: data.toString('base64') });
    return ok(null);
  }

  /** The fleet process's id while it runs. */
  pid(): number | null {
    return this.process?.pid ?? null;
  }

  clients(): ClientView[] {
    return this.book.all();
  }

  client(id: number): ClientView | undefined {
    return this.book.get(id);
  }

  /** The fleet client whose local port is `port` (a connection's peer port), if any. */
  clientByPort(port: number): number | null {
    return this.book.byPort(port);
  }

  summary(): FleetSummary {
    const t = this.totals;
    return {
      alive: this.process !== null,
      exit: this.exit,
      clients: this.book.live(),
      byState: this.book.byState(),
      verified: t.verified,
      mismatches: t.mismatches,
      bytesLost: t.bytesLost,
      errors: t.errors,
      rttBuckets: [...RTT_BUCKETS],
      rttCounts: t.rttCounts,
      bytesSent: t.bytesSent,
      bytesEchoed: t.bytesEchoed,
      roundTrips: t.roundTrips,
    };
  }

  /** Client ids changed or removed since the last call. */
  takeChanges(): { changed: number[]; removed: number[] } {
    return this.book.takeChanges();
  }

  on(event: 'change', listener: ChangeListener): () => void;
  on(event: 'notice', listener: NoticeListener): () => void;
  on(event: 'change' | 'notice', listener: ChangeListener | NoticeListener): () => void {
    const set = (event === 'change' ? this.changeListeners : this.noticeListeners) as Set<typeof listener>;
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Stops the fleet process and waits for it to be gone (app quit, server shell exit). */
  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.starting) await this.starting;
    const child = this.process;
    if (!child) return;
    const gone = new Promise<void>((resolve) => {
      child.onExit(() => resolve());
      setTimeout(resolve, EXIT_TIMEOUT_MS).unref();
    });
    child.kill();
    await gone;
  }

  private ensureProcess(): Promise<Result<FleetProcess>> {
    if (this.process) return Promise.resolve(ok(this.process));
    this.starting ??= this.start().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private start(): Promise<Result<FleetProcess>> {
    // Clients of a dead process are gone; a new process starts a clean list.
    this.book.clear();
    this.totals = emptyTotals();
    let child: FleetProcess;
    try {
      child = this.launch();
    } catch (error) {
      return Promise.resolve(fail('FLEET_DOWN', `Could not start the client fleet: ${String(error)}`));
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve(fail('FLEET_DOWN', 'The client fleet process did not start in time.'));
      }, READY_TIMEOUT_MS);
      child.onMessage((message) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          this.process = child;
          this.exit = null;
          this.emitChange();
          resolve(ok(child));
        } else this.received(message);
      });
      child.onExit((why) => {
        clearTimeout(timer);
        resolve(fail('FLEET_DOWN', `The client fleet process ${why} before it was ready.`));
        if (this.process === child) this.died(why);
      });
    });
  }

  private received(message: FromWorker): void {
    if (message.type === 'report') {
      for (const tuple of message.clients) this.book.put(fromTuple(tuple));
      this.book.remove(message.removed);
      this.totals = message.totals;
      this.emitChange();
    } else if (message.type === 'stopped') {
      for (const resolve of this.stopWaiters.splice(0)) resolve();
    } else if (message.type === 'notice') {
      this.emitNotice(message.level, message.code, message.message);
    }
  }

  private died(why: string): void {
    this.process = null;
    for (const resolve of this.stopWaiters.splice(0)) resolve();
    this.exit = this.disposed ? null : why;
    if (this.disposed) return;
    const lost = this.book.failAll('FLEET_DOWN');
    this.emitNotice(
      'error',
      'FLEET_DOWN',
      `The client fleet process ${why}; its ${lost} client${lost === 1 ? '' : 's'} are gone. Spawn again to start a new fleet.`,
    );
    this.emitChange();
  }

  private emitChange(): void {
    for (const listener of this.changeListeners) listener();
  }

  private emitNotice(level: Notice['level'], code: string, message: string): void {
    const notice: Notice = { level, code, message, at: Date.now() };
    for (const listener of this.noticeListeners) listener(notice);
  }
}
