import type { SpawnSpec } from '../../shared/contract';
import { FleetClient } from './client';
import {
  emptyTotals,
  toTuple,
  type FromWorker,
  type Target,
  type ToWorker,
  type WorkerTotals,
} from './protocol';
import { RTT_BUCKETS, bucketOf } from './rtt';

/** Reports go out at most this often: cheap for the parent, fresh enough for the eye. */
const REPORT_MS = 50;
/** Client views a second at most: thousands of busy clients slow the reports down instead of flooding the window. */
const VIEWS_PER_SECOND = 20_000;
const RAMP_TICK_MS = 10;
/** Stop clients: time the server gets to close after a client's EOF, before the client aborts. */
const STOP_GRACE_MS = 1000;

/**
 * The clients of the fleet process: spawns them at the asked connect rate,
 * and reports what changed in batches. Nothing a client does is fatal here.
 */
export class Fleet {
  private readonly clients = new Map<number, FleetClient>();
  private dirty = new Set<number>();
  private removed: number[] = [];
  private readonly errors: Record<string, number> = {};
  private rttCounts = new Array<number>(RTT_BUCKETS.length).fill(0);
  private roundTrips = 0;
  private readonly ramps = new Set<NodeJS.Timeout>();
  private reportTimer: NodeJS.Timeout | null = null;
  private nextReportAt = 0;

  constructor(private readonly emit: (message: FromWorker) => void) {}

  handle(message: ToWorker): void {
    switch (message.type) {
      case 'spawn':
        this.spawn(message.ids, message.spec, message.target);
        break;
      case 'stop-all':
        this.stopAll();
        break;
      case 'send':
        if (!this.clients.get(message.clientId)?.send(Buffer.from(message.base64, 'base64'))) {
          this.emit({
            type: 'notice',
            level: 'warning',
            code: 'NO_SUCH_CLIENT',
            message: `Client C${message.clientId} has no open connection: the message was not sent.`,
          });
        }
        break;
    }
  }

  spawn(ids: number[], spec: SpawnSpec, target: Target): void {
    const hooks = {
      // A stopped client may still be closing: it no longer counts.
      changed: (client: FleetClient) => this.isCurrent(client) && this.markDirty(client.id),
      rtt: (client: FleetClient, ms: number) => {
        if (!this.isCurrent(client)) return;
        this.rttCounts[bucketOf(ms)]! += 1;
        this.roundTrips += 1;
      },
      error: (client: FleetClient, code: string) => {
        if (this.isCurrent(client)) this.errors[code] = (this.errors[code] ?? 0) + 1;
      },
    };
    const batch = ids.map((id) => new FleetClient(id, spec, target, hooks));
    for (const client of batch) {
      this.clients.set(client.id, client);
      this.markDirty(client.id);
    }
    // Ramp up: connectRate connections a second, the first at once.
    const started = performance.now();
    let next = 0;
    const tick = (): void => {
      const due = Math.min(
        batch.length,
        Math.floor((spec.connectRate * (performance.now() - started)) / 1000) + 1,
      );
      for (; next < due; next += 1) batch[next]!.connect();
      if (next >= batch.length) {
        clearInterval(ramp);
        this.ramps.delete(ramp);
      }
    };
    const ramp = setInterval(tick, RAMP_TICK_MS);
    this.ramps.add(ramp);
    tick();
  }

  stopAll(): void {
    for (const ramp of this.ramps) clearInterval(ramp);
    this.ramps.clear();
    for (const client of this.clients.values()) client.stop(STOP_GRACE_MS);
    this.removed.push(...this.clients.keys());
    this.clients.clear();
    this.dirty.clear();
    this.rttCounts = this.rttCounts.map(() => 0);
    this.roundTrips = 0;
    for (const code of Object.keys(this.errors)) delete this.errors[code];
    this.schedule();
    this.emit({ type: 'stopped' });
  }

  /** Sends what changed since the last report (used by the timer; public for a final flush). */
  report(): void {
    this.reportTimer = null;
    this.nextReportAt = performance.now() + Math.max(REPORT_MS, (1000 * this.dirty.size) / VIEWS_PER_SECOND);
    const clients = [...this.dirty].flatMap((id) => {
      const client = this.clients.get(id);
      return client ? [toTuple(client.view())] : [];
    });
    this.dirty.clear();
    const removed = this.removed;
    this.removed = [];
    this.emit({ type: 'report', clients, removed, totals: this.totals() });
  }

  totals(): WorkerTotals {
    const totals: WorkerTotals = {
      ...emptyTotals(),
      clients: this.clients.size,
      roundTrips: this.roundTrips,
      errors: { ...this.errors },
      rttCounts: [...this.rttCounts],
    };
    for (const client of this.clients.values()) {
      const view = client.view();
      totals.byState[view.state] += 1;
      totals.bytesSent += view.bytesSent;
      totals.bytesEchoed += view.bytesEchoed;
      const v = view.verification;
      if (v.state === 'ok') totals.verified += 1;
      else if (v.state === 'mismatch') totals.mismatches += 1;
      else if (v.state === 'lost') totals.bytesLost += v.bytes;
    }
    return totals;
  }

  private isCurrent(client: FleetClient): boolean {
    return this.clients.get(client.id) === client;
  }

  private markDirty(id: number): void {
    this.dirty.add(id);
    this.schedule();
  }

  private schedule(): void {
    this.reportTimer ??= setTimeout(() => this.report(), Math.max(0, this.nextReportAt - performance.now()));
  }
}
