/**
 * Round-trip times: a fleet-wide log-scale histogram and a small per-client
 * window of recent samples for p50/p99.
 */

/** Bucket upper bounds in ms: 0.05 ms × √2^i, up to about 37 s; slower samples land in the last one. */
export const RTT_BUCKETS: readonly number[] = Array.from(
  { length: 40 },
  (_, i) => Math.round(0.05 * Math.SQRT2 ** i * 1000) / 1000,
);

/** Index of the bucket a sample (ms) falls in. */
export function bucketOf(ms: number): number {
  if (!(ms > RTT_BUCKETS[0]!)) return 0;
  const i = Math.ceil(2 * Math.log2(ms / 0.05) - 1e-9);
  return Math.min(Math.max(i, 0), RTT_BUCKETS.length - 1);
}

const WINDOW = 64;

/** The last 64 round trips of one client; percentiles are computed only when asked. */
export class RttWindow {
  private readonly samples = new Float64Array(WINDOW);
  private count = 0;
  private cached: [number, number] | null = null;

  add(ms: number): void {
    this.samples[this.count % WINDOW] = ms;
    this.count += 1;
    this.cached = null;
  }

  get size(): number {
    return Math.min(this.count, WINDOW);
  }

  /** [p50, p99] in ms, rounded to µs; null before the first sample. */
  percentiles(): [number, number] | null {
    if (this.count === 0) return null;
    if (this.cached) return this.cached;
    const sorted = this.samples.slice(0, this.size).sort();
    const at = (q: number): number => {
      const value = sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
      return Math.round(value * 1000) / 1000;
    };
    this.cached = [at(0.5), at(0.99)];
    return this.cached;
  }
}
