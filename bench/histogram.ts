/** Round-trip times in microseconds, in log buckets 1% wide: small, mergeable across processes. */
const GROWTH = Math.log(1.01);
/** 1 µs … ~100 s. */
const BUCKETS = 1900;

export class Histogram {
  private readonly counts = new Uint32Array(BUCKETS);
  count = 0;

  record(micros: number): void {
    const index = micros <= 1 ? 0 : Math.min(BUCKETS - 1, Math.ceil(Math.log(micros) / GROWTH));
    this.counts[index] = (this.counts[index] ?? 0) + 1;
    this.count++;
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
  }

  /** The value at `p` percent (upper edge of its bucket), or null when empty. */
  percentile(p: number): number | null {
    if (this.count === 0) return null;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i] ?? 0;
      if (seen >= rank) return Math.exp(i * GROWTH);
    }
    return Math.exp((BUCKETS - 1) * GROWTH);
  }

  /** Sparse [bucket, count] pairs, for IPC. */
  toPairs(): [number, number][] {
    const pairs: [number, number][] = [];
    this.counts.forEach((count, index) => {
      if (count > 0) pairs.push([index, count]);
    });
    return pairs;
  }

  add(pairs: [number, number][]): void {
    for (const [index, count] of pairs) {
      this.counts[index] = (this.counts[index] ?? 0) + count;
      this.count += count;
    }
  }
}
