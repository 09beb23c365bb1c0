import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabDelta } from '../../../shared/contract';
import { connection, delta, record } from '../test/fixtures';
import { DeltaPacer } from './delta-pacer';

describe('DeltaPacer', () => {
  let applied: LabDelta[];
  let pacer: DeltaPacer;
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'],
    });
    applied = [];
    pacer = new DeltaPacer(
      (d) => applied.push(d),
      () => 500,
      33,
    );
  });
  afterEach(() => {
    pacer.dispose();
    vi.useRealTimers();
  });

  it('applies a batch after a quiet spell at once', () => {
    pacer.push(delta({ seq: 1 }));
    expect(applied.map((d) => d.seq)).toEqual([1]);
  });

  it('merges batches that come within the interval and applies them in one frame', () => {
    pacer.push(delta({ seq: 1, connections: [connection(1)] }));
    pacer.push(delta({ seq: 2, connections: [connection(2)], iterations: [record(7, [])] }));
    pacer.push(delta({ seq: 3, connections: [connection(1, { bytesIn: 9 })], removed: [2] }));
    expect(applied).toHaveLength(1);
    vi.advanceTimersByTime(50);
    expect(applied).toHaveLength(2);
    const merged = applied[1]!;
    expect(merged.seq).toBe(3);
    expect(merged.connections).toEqual([connection(1, { bytesIn: 9 })]);
    expect(merged.removed).toEqual([2]);
    expect(merged.iterations.map((r) => r.n)).toEqual([7]);
  });

  it('applies what came before a new run on its own', () => {
    pacer.push(delta({ seq: 1 }));
    pacer.push(delta({ seq: 2, connections: [connection(5)] }));
    pacer.push(delta({ seq: 3, engine: { run: 2 }, connections: [connection(1)] }));
    expect(applied.map((d) => d.seq)).toEqual([1, 2]);
    vi.advanceTimersByTime(50);
    expect(applied.map((d) => d.seq)).toEqual([1, 2, 3]);
    expect(applied[2]!.connections).toEqual([connection(1)]);
  });

  it('keeps only the records the store would keep, counting the rest', () => {
    pacer = new DeltaPacer(
      (d) => applied.push(d),
      () => 2,
      33,
    );
    pacer.push(delta({ seq: 1 }));
    for (let n = 1; n <= 5; n++) pacer.push(delta({ seq: n + 1, iterations: [record(n, [])] }));
    vi.advanceTimersByTime(50);
    expect(applied[1]!.iterations.map((r) => r.n)).toEqual([4, 5]);
    expect(applied[1]!.coalesced).toBe(3);
  });
});
