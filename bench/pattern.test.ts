// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { matchesStream, PERIOD, streamSlice } from './pattern';

describe('the bench pattern stream', () => {
  it('matches its own bytes at any offset, across the period', () => {
    const offset = PERIOD - 100;
    const chunk = Buffer.concat([streamSlice(offset, 5000), streamSlice(offset + 5000, 5000)]);
    expect(matchesStream(chunk, offset)).toBe(true);
    expect(
      matchesStream(Buffer.concat(Array.from({ length: 14 }, () => chunk)).subarray(0, 10_000), offset),
    ).toBe(true);
  });

  it('catches a flipped, dropped or shifted byte', () => {
    const chunk = Buffer.from(streamSlice(1234, 1024));
    expect(matchesStream(chunk, 1235)).toBe(false);
    chunk[500] = (chunk[500] ?? 0) ^ 1;
    expect(matchesStream(chunk, 1234)).toBe(false);
    const dropped = Buffer.concat([streamSlice(0, 100), streamSlice(101, 100)]);
    expect(matchesStream(dropped, 0)).toBe(false);
  });

  it('checks chunks longer than the period', () => {
    const long = Buffer.concat([streamSlice(7, PERIOD), streamSlice(7 + PERIOD, 1000)]);
    expect(matchesStream(long, 7)).toBe(true);
    expect(matchesStream(long, 8)).toBe(false);
  });
});
