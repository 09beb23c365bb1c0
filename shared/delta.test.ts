// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mergeDeltas } from './delta';
import { connection, emptyDelta } from './fixtures';

const conn = (id: number, bytesIn = 0) => connection(id, { bytesIn });
const base = emptyDelta(1);

describe('mergeDeltas', () => {
  it('later views win, removals drop earlier views, a revived id is not removed', () => {
    const a = { ...base, connections: [conn(1), conn(2)], removed: [5] };
    const b = { ...base, seq: 2, connections: [conn(1, 9), conn(5)], removed: [2] };
    const merged = mergeDeltas(a, b);
    expect(merged.seq).toBe(2);
    expect(merged.connections).toEqual([conn(1, 9), conn(5)]);
    expect(merged.removed).toEqual([2]);
  });
});
