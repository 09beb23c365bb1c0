/** What the charts read from the store at one moment (cumulative byte counts, current levels). */
export interface LabSample {
  /** Seconds (epoch). */
  t: number;
  bytesIn: number;
  bytesOut: number;
  connections: number;
  clientsOpen: number;
  queuedBytes: number;
}

/** Seconds of history the charts keep. */
export const WINDOW_S = 60;
/** Rates are averaged over this many seconds, so irregular batches do not make them jitter. */
const RATE_S = 1;

/**
 * The charts' columns over the last minute: throughput (from cumulative byte
 * counts), connections, queued bytes. Appending is O(1) amortized; arrays are
 * trimmed from the front in chunks.
 */
export class ChartSeries {
  readonly t: number[] = [];
  readonly inRate: number[] = [];
  readonly outRate: number[] = [];
  readonly connections: number[] = [];
  readonly clientsOpen: number[] = [];
  readonly queued: number[] = [];
  private readonly cumIn: number[] = [];
  private readonly cumOut: number[] = [];

  add(s: LabSample): void {
    const last = this.t.length - 1;
    if (last >= 0 && s.t <= this.t[last]!) return;
    // A restarted server starts its totals at zero again: start the rate history over.
    if (last >= 0 && (s.bytesIn < this.cumIn[last]! || s.bytesOut < this.cumOut[last]!)) this.clear();
    let j = this.t.length - 1;
    while (j > 0 && this.t[j - 1]! >= s.t - RATE_S) j -= 1;
    const dt = j >= 0 ? s.t - this.t[j]! : 0;
    this.t.push(s.t);
    this.cumIn.push(s.bytesIn);
    this.cumOut.push(s.bytesOut);
    this.inRate.push(dt > 0 ? (s.bytesIn - this.cumIn[j]!) / dt : 0);
    this.outRate.push(dt > 0 ? (s.bytesOut - this.cumOut[j]!) / dt : 0);
    this.connections.push(s.connections);
    this.clientsOpen.push(s.clientsOpen);
    this.queued.push(s.queuedBytes);
    this.trim(s.t - WINDOW_S);
  }

  private columns(): number[][] {
    return [
      this.t,
      this.inRate,
      this.outRate,
      this.connections,
      this.clientsOpen,
      this.queued,
      this.cumIn,
      this.cumOut,
    ];
  }

  private trim(before: number): void {
    let n = 0;
    while (n < this.t.length && this.t[n]! < before) n += 1;
    // Trim in chunks: splicing 1 item off the front every frame would copy the arrays 60 times a second.
    if (n >= 64 || (n > 0 && n === this.t.length)) for (const column of this.columns()) column.splice(0, n);
  }

  private clear(): void {
    for (const column of this.columns()) column.length = 0;
  }
}
