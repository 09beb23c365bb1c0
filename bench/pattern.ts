/**
 * The bytes every client sends: one pseudo-random stream of period PERIOD, so
 * an echo is checked byte-exact with one native compare and no copies.
 */
export const PERIOD = 65_521;
const doubled = Buffer.alloc(2 * PERIOD);
let state = 0x9e3779b9;
for (let i = 0; i < PERIOD; i++) {
  // xorshift32: cheap, and no byte pattern that a dropped or repeated chunk could match by accident.
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  doubled[i] = state & 0xff;
}
doubled.copy(doubled, PERIOD, 0, PERIOD);

/** The `length` stream bytes from `offset` (length ≤ PERIOD), as a view: no copy. */
export function streamSlice(offset: number, length: number): Buffer {
  const start = offset % PERIOD;
  return doubled.subarray(start, start + length);
}

/** True when `chunk` equals the stream from `offset` (a native compare of ranges: no views made). */
export function matchesStream(chunk: Buffer, offset: number): boolean {
  for (let done = 0; done < chunk.length; done += PERIOD) {
    const length = Math.min(PERIOD, chunk.length - done);
    const start = (offset + done) % PERIOD;
    if (doubled.compare(chunk, done, done + length, start, start + length) !== 0) return false;
  }
  return true;
}
