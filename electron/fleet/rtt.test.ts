// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { RTT_BUCKETS, RttWindow, bucketOf } from './rtt';

describe('RTT buckets', () => {
  it('puts every sample in the first bucket whose bound holds it', () => {
    for (const ms of [0, 0.01, 0.05, 0.06, 0.3, 1, 7.5, 100, 2500, 36000]) {
      const i = bucketOf(ms);
      expect(ms).toBeLessThanOrEqual(RTT_BUCKETS[i]! + 1e-3);
      if (i > 0) expect(ms).toBeGreaterThan(RTT_BUCKETS[i - 1]! - 1e-3);
    }
  });

  it('clamps very slow samples into the last bucket', () => {
    expect(bucketOf(1e9)).toBe(RTT_BUCKETS.length - 1);
  });
});

describe('RttWindow', () => {
  it('has no percentiles before a sample', () => {
    expect(new RttWindow().percentiles()).toBeNull();
  });

  it('reports p50 and p99 of the recent window', () => {
    const w = new RttWindow();
    for (let i = 1; i <= 100; i += 1) w.add(i);
    // Only the last 64 samples (37..100) count.
    expect(w.percentiles()).toEqual([68, 100]);
  });
});
