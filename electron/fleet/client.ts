import type { SpawnSpec } from '../../shared/contract';
import type { ClientState, ClientView, Verification } from '../../shared/fleet';
import { BEHAVIOUR_SCRIPTS } from './behaviours';
import { ClientRun } from './client-run';
import { randomCursor } from './payload';
import type { Target } from './protocol';
import { RttWindow } from './rtt';

/** What a client tells the fleet. */
export interface ClientHooks {
  changed(client: FleetClient): void;
  rtt(client: FleetClient, ms: number): void;
  error(client: FleetClient, code: string): void;
}

const RECONNECT_MS = 100;
const RECONNECT_AFTER_ERROR_MS = 1000;

/**
 * One test client: a behaviour played over one connection after another
 * (when a lifetime and reconnect are set). Its counters and verification add
 * up over all its connections.
 */
export class FleetClient {
  state: ClientState = 'connecting';
  error: string | null = null;
  localPort: number | null = null;
  private run: ClientRun | null = null;
  private past = { sent: 0, echoed: 0, verified: 0, lost: 0 };
  private mismatchAt: number | null = null;
  private readonly rtt = new RttWindow();
  private cursor = randomCursor();
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly id: number,
    readonly spec: SpawnSpec,
    private readonly target: Target,
    private readonly hooks: ClientHooks,
  ) {}

  connect(): void {
    if (this.stopped) return;
    this.state = 'connecting';
    this.error = null;
    this.localPort = null;
    this.run = new ClientRun(this.spec, this.target, this.cursor, BEHAVIOUR_SCRIPTS[this.spec.behaviour], {
      open: (localPort) => {
        this.state = 'open';
        this.localPort = localPort;
        if (this.spec.lifetimeMs > 0) this.run?.later(this.spec.lifetimeMs, () => this.run?.shutWrite());
        this.hooks.changed(this);
      },
      halfClosed: () => {
        this.state = 'half-closed';
        this.hooks.changed(this);
      },
      progress: () => this.hooks.changed(this),
      rtt: (ms) => {
        this.rtt.add(ms);
        this.hooks.rtt(this, ms);
      },
      ended: ({ error }) => this.ended(error),
    });
  }

  /**
   * Closes and never reconnects: shuts the write side so the server sees a
   * plain EOF, and aborts only if the server has not closed within `graceMs`.
   */
  stop(graceMs = 0): void {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (graceMs > 0) this.run?.retire(graceMs);
    else this.run?.abort();
  }

  /** Sends a custom message on the open connection; false when there is none. */
  send(data: Buffer): boolean {
    if (!this.run || this.state !== 'open') return false;
    this.run.writeRaw(data);
    return true;
  }

  view(): ClientView {
    const run = this.run;
    const percentiles = this.rtt.percentiles();
    return {
      id: this.id,
      behaviour: this.spec.behaviour,
      state: this.state,
      error: this.error,
      localPort: this.localPort,
      bytesSent: this.past.sent + (run?.bytesSent ?? 0),
      bytesEchoed: this.past.echoed + (run?.bytesEchoed ?? 0),
      verification: this.verification(),
      rttP50: percentiles?.[0] ?? null,
      rttP99: percentiles?.[1] ?? null,
    };
  }

  private verification(): Verification {
    const v = this.run?.verifier;
    const mismatch = this.mismatchAt ?? v?.mismatchAt ?? null;
    if (mismatch !== null) return { state: 'mismatch', offset: mismatch };
    const lost = this.past.lost + (v?.lost ?? 0);
    if (lost > 0) return { state: 'lost', bytes: lost };
    return this.past.verified + (v?.verified ?? 0) > 0 ? { state: 'ok' } : { state: 'pending' };
  }

  private ended(error: string | null): void {
    const run = this.run;
    if (run) {
      const v = run.verifier;
      this.past.sent += run.bytesSent;
      this.past.echoed += run.bytesEchoed;
      this.past.verified += v.verified;
      this.past.lost += v.lost;
      this.mismatchAt ??= v.mismatchAt;
      this.cursor = run.nextCursor;
    }
    this.run = null;
    this.state = error ? 'error' : 'closed';
    this.error = error;
    if (error) this.hooks.error(this, error);
    this.hooks.changed(this);
    if (this.stopped || !this.spec.reconnect) return;
    this.reconnectTimer = setTimeout(
      () => {
        this.reconnectTimer = null;
        this.connect();
      },
      error ? RECONNECT_AFTER_ERROR_MS : RECONNECT_MS,
    );
  }
}
