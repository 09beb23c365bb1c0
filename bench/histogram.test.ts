// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Histogram } from './histogram';

describe('the round-trip histogram', () => {
  it('gives percentiles within 1%, and merges from pairs', () => {
    const a = new Histogram();
    for (let us = 1; us <= 1000; us++) a.record(us);
    expect(a.percentile(50)).toBeGreaterThanOrEqual(500);
    expect(a.percentile(50)).toBeLessThanOrEqual(505);
    expect(a.percentile(99)).toBeGreaterThanOrEqual(990);
    expect(a.percentile(99)).toBeLessThanOrEqual(1000);
    const b = new Histogram();
    b.add(a.toPairs());
    b.add(a.toPairs());
    expect(b.count).toBe(2000);
    expect(b.percentile(50)).toBe(a.percentile(50));
  });

  it('is empty after reset', () => {
    const h = new Histogram();
    h.record(42);
    h.reset();
    expect(h.percentile(50)).toBeNull();
  });
});
