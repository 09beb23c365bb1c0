import { Histogram } from './histogram';
import type { LoadResult } from './protocol';

/** One worker's counters: what comes before `startWindow()` is warm-up and not counted. */
export class Meter {
  /** Clients send while this is true. */
  running = false;
  private measuring = false;
  messages = 0;
  verified = 0;
  mismatches = 0;
  connected = 0;
  served = 0;
  attempted = 0;
  readonly errors: Record<string, number> = {};
  readonly rtt = new Histogram();
  private windowStart = 0;
  private cpuStart = process.cpuUsage();

  /** Starts the measured window: counters from warm-up are dropped. */
  startWindow(): void {
    this.measuring = true;
    this.messages = 0;
    this.verified = 0;
    this.rtt.reset();
    this.windowStart = performance.now();
    this.cpuStart = process.cpuUsage();
  }

  /** A round trip (or a served storm connection) that took `micros`. */
  roundTrip(micros: number): void {
    if (!this.measuring) return;
    this.messages++;
    this.rtt.record(micros);
  }

  checked(bytes: number): void {
    if (this.measuring) this.verified += bytes;
  }

  error(error: NodeJS.ErrnoException): void {
    const code = error.code ?? error.message;
    this.errors[code] = (this.errors[code] ?? 0) + 1;
  }

  result(): LoadResult {
    const cpu = process.cpuUsage(this.cpuStart);
    return {
      messages: this.messages,
      verified: this.verified,
      mismatches: this.mismatches,
      connected: this.connected,
      served: this.served,
      attempted: this.attempted,
      errors: { ...this.errors },
      rtt: this.rtt.toPairs(),
      cpuMicros: cpu.user + cpu.system,
      elapsedMs: this.measuring ? performance.now() - this.windowStart : 0,
    };
  }
}
