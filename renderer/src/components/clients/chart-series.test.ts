import { describe, expect, it } from 'vitest';
import { ChartSeries, WINDOW_S, type LabSample } from './chart-series';

const sample = (t: number, patch: Partial<LabSample> = {}): LabSample => ({
  t,
  bytesIn: 0,
  bytesOut: 0,
  connections: 0,
  clientsOpen: 0,
  queuedBytes: 0,
  ...patch,
});

describe('ChartSeries', () => {
  it('turns cumulative byte counts into a rate averaged over a second', () => {
    const s = new ChartSeries();
    for (let i = 0; i <= 20; i += 1) s.add(sample(100 + i / 10, { bytesIn: i * 1000, bytesOut: i * 500 }));
    expect(s.inRate.at(-1)).toBeCloseTo(10_000);
    expect(s.outRate.at(-1)).toBeCloseTo(5_000);
  });

  it('keeps about a minute of samples', () => {
    const s = new ChartSeries();
    for (let i = 0; i < 2000; i += 1) s.add(sample(i / 10, { connections: i }));
    expect(s.t.at(-1)! - s.t[0]!).toBeLessThanOrEqual(WINDOW_S + 7);
    expect(s.connections.length).toBe(s.t.length);
  });

  it('starts over when the totals go back to zero (a restarted server)', () => {
    const s = new ChartSeries();
    s.add(sample(1, { bytesIn: 5000 }));
    s.add(sample(2, { bytesIn: 10 }));
    expect(s.t).toEqual([2]);
    expect(s.inRate).toEqual([0]);
  });
});
