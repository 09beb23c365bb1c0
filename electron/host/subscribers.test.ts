// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { LabDelta } from '../../shared/contract';
import { connection, emptyDelta, record } from '../../shared/fixtures';
import { SubscriberHub } from './subscribers';

const delta = (seq: number): LabDelta =>
  emptyDelta(seq, {
    engine: { iteration: seq },
    connections: [connection(seq % 10, { bytesIn: seq, bytesOut: seq })],
    removed: seq % 7 === 0 ? [3] : [],
    iterations: [record(seq, [])],
  });

describe('SubscriberHub', () => {
  it('a slow subscriber gets one merged batch whose size does not grow with time', () => {
    const hub = new SubscriberHub();
    let busy = true;
    const got: LabDelta[] = [];
    hub.add({ send: (d) => got.push(d), busy: () => busy });
    for (let seq = 1; seq <= 10_000; seq++) hub.publish(delta(seq));
    expect(got).toHaveLength(0);
    busy = false;
    hub.drain();
    expect(got).toHaveLength(1);
    const merged = got[0] as LabDelta;
    expect(merged.seq).toBe(10_000);
    expect(merged.engine).toEqual({ iteration: 10_000 });
    expect(merged.connections.length).toBeLessThanOrEqual(10);
    expect(merged.iterations.length).toBeLessThanOrEqual(16);
    expect(merged.iterations.length + merged.coalesced).toBe(10_000);
    expect(merged.iterations.at(-1)?.n).toBe(10_000);
  });

  it('a fast subscriber gets every batch as it is published; a throwing one is dropped', () => {
    const hub = new SubscriberHub();
    const got: number[] = [];
    hub.add({ send: (d) => got.push(d.seq) });
    hub.add({
      send: () => {
        throw new Error('gone');
      },
    });
    hub.publish(delta(1));
    hub.publish(delta(2));
    expect(got).toEqual([1, 2]);
    expect(hub.size).toBe(1);
  });
});
