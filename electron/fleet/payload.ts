import { randomBytes } from 'node:crypto';

/**
 * Client payloads: views into one pool of random bytes, so that a 16 MiB
 * burst costs no copy and a dropped range can be found again by content.
 * An odd length keeps clients' streams from lining up with each other.
 */
const POOL = randomBytes(4 * 1024 * 1024 + 9);

/** A random starting point in the pool, one per client. */
export const randomCursor = (): number => Math.floor(Math.random() * POOL.length);

/** `length` bytes of the pool from `cursor` (wrapping), as views; returns the next cursor too. */
export function payload(cursor: number, length: number): { slices: Buffer[]; next: number } {
  const slices: Buffer[] = [];
  let at = cursor % POOL.length;
  let left = length;
  while (left > 0) {
    const n = Math.min(left, POOL.length - at);
    slices.push(POOL.subarray(at, at + n));
    left -= n;
    at = (at + n) % POOL.length;
  }
  return { slices, next: at };
}
