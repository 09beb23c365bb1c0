import type { Verification } from '../../shared/fleet';

/** Bytes after a gap that must match before a resync is believed (random payloads: a false match is 1 in 2^64 per position). */
const RESYNC_BYTES = 8;

/**
 * Checks an echo byte-exact against what was sent. The server may drop bytes
 * (the tutorial's ignored `send()` return value) but never reorders them, so
 * after a gap the verifier finds where the echo resumes in the outstanding
 * bytes and counts the skipped ones as lost; anything else is a mismatch.
 */
export class StreamVerifier {
  /** Sent, not yet echoed, oldest first (views: no copies). */
  private segments: Buffer[] = [];
  /** Index of the oldest live segment (shift() is O(n) on long queues). */
  private headIndex = 0;
  private outstandingBytes = 0;
  /** Bytes received but not yet decided, waiting for more: after a gap (to resync), or where a gap may start (to compare again). */
  private window: Buffer | null = null;
  private windowFor: 'resync' | 'compare' = 'resync';
  sent = 0;
  /** Stream offset of the next expected byte (verified + lost). */
  consumed = 0;
  verified = 0;
  lost = 0;
  /** Bytes received beyond a mismatch or beyond what was sent. */
  unverified = 0;
  mismatchAt: number | null = null;

  get outstanding(): number {
    return this.outstandingBytes;
  }

  /** Records bytes written to the server. */
  push(data: Buffer): void {
    if (data.length === 0) return;
    this.segments.push(data);
    this.outstandingBytes += data.length;
    this.sent += data.length;
  }

  /** Checks bytes echoed by the server. */
  receive(chunk: Buffer): void {
    if (this.mismatchAt !== null) {
      this.unverified += chunk.length;
      return;
    }
    if (this.window) {
      chunk = Buffer.concat([this.window, chunk]);
      this.window = null;
      if (this.windowFor === 'compare') this.compare(chunk, false);
      else this.resync(chunk, false);
      return;
    }
    this.compare(chunk, false);
  }

  /** The server closed: whatever it never echoed is lost. */
  finish(): void {
    if (this.window && this.mismatchAt === null) {
      const pending = this.window;
      this.window = null;
      if (this.windowFor === 'compare') this.compare(pending, true);
      else this.resync(pending, true);
    }
    if (this.mismatchAt === null && this.outstandingBytes > 0) {
      this.lost += this.outstandingBytes;
      this.consumed += this.outstandingBytes;
      this.drop(this.outstandingBytes);
    }
  }

  verification(): Verification {
    if (this.mismatchAt !== null) return { state: 'mismatch', offset: this.mismatchAt };
    if (this.lost > 0) return { state: 'lost', bytes: this.lost };
    return this.verified > 0 ? { state: 'ok' } : { state: 'pending' };
  }

  /** Matches `chunk` against the head of the outstanding bytes; on a difference, resyncs. */
  private compare(chunk: Buffer, final: boolean): void {
    let at = 0;
    while (at < chunk.length) {
      const head = this.segments[this.headIndex];
      if (!head) {
        this.fail(chunk.length - at);
        return;
      }
      const n = Math.min(head.length, chunk.length - at);
      const got = chunk.subarray(at, at + n);
      const want = head.subarray(0, n);
      if (!got.equals(want)) {
        const same = firstDifference(got, want);
        const start = this.gapStart(chunk, at, same, final);
        if (start === null) {
          // Too few bytes yet to tell where the gap starts: keep those that may be chance matches.
          const sure = same - Math.min(same, RESYNC_BYTES - 1);
          this.advance(sure, true);
          this.window = Buffer.from(chunk.subarray(at + sure));
          this.windowFor = 'compare';
          return;
        }
        this.advance(start, true);
        this.resync(chunk.subarray(at + start), final);
        return;
      }
      this.advance(n, true);
      at += n;
    }
  }

  /**
   * Where a gap starts in `chunk` after `at`, given that the first `same` bytes matched.
   * Usually at the difference; but the bytes just before it may have matched the dropped
   * ones by chance (1 in 256 each): then the echo resumes only from a little earlier.
   * Null when the chunk ends too soon to tell (unless it is the last one).
   */
  private gapStart(chunk: Buffer, at: number, same: number, final: boolean): number | null {
    for (let back = 0; back < RESYNC_BYTES && back <= same; back += 1) {
      const rest = chunk.subarray(at + same - back);
      if (rest.length < RESYNC_BYTES) return final ? same : null;
      if (this.find(rest.subarray(0, RESYNC_BYTES), same - back + 1) !== null) return same - back;
    }
    return same;
  }

  /** After a gap: finds where `rest` continues the sent stream, counts the gap as lost. */
  private resync(rest: Buffer, final: boolean): void {
    if (rest.length < RESYNC_BYTES && !final) {
      this.window = Buffer.from(rest);
      this.windowFor = 'resync';
      return;
    }
    const needle = rest.subarray(0, RESYNC_BYTES);
    const gap = this.find(needle);
    if (gap === null) {
      this.fail(rest.length);
      return;
    }
    this.lost += gap;
    this.consumed += gap;
    this.drop(gap);
    this.compare(rest, final);
  }

  /** Smallest distance ≥ `min` from the head at which `needle` occurs in the outstanding bytes. */
  private find(needle: Buffer, min = 1): number | null {
    let carry = Buffer.alloc(0);
    let base = 0; // outstanding offset of carry[0]
    for (let j = this.headIndex; j < this.segments.length; j += 1) {
      const segment = this.segments[j]!;
      const region = carry.length ? Buffer.concat([carry, segment]) : segment;
      const from = Math.max(0, min - base);
      const i = region.indexOf(needle, from);
      if (i >= 0) return base + i;
      const keep = Math.min(needle.length - 1, region.length);
      base += region.length - keep;
      carry = Buffer.from(region.subarray(region.length - keep));
    }
    return null;
  }

  private advance(n: number, verified: boolean): void {
    if (verified) this.verified += n;
    this.consumed += n;
    this.drop(n);
  }

  private drop(n: number): void {
    this.outstandingBytes -= n;
    while (n > 0) {
      const head = this.segments[this.headIndex]!;
      if (head.length <= n) {
        n -= head.length;
        this.headIndex += 1;
      } else {
        this.segments[this.headIndex] = head.subarray(n);
        n = 0;
      }
    }
    if (this.headIndex > 1024 && this.headIndex * 2 > this.segments.length) {
      this.segments = this.segments.slice(this.headIndex);
      this.headIndex = 0;
    }
  }

  private fail(unverified: number): void {
    this.mismatchAt = this.consumed;
    this.unverified += unverified;
  }
}

function firstDifference(a: Buffer, b: Buffer): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return i;
}
