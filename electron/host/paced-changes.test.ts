// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { PacedChanges } from './paced-changes';

const ids = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);
const none = { changed: [], removed: [] };

describe('connection views, paced', () => {
  it('under the budget, every change goes in the batch it happened in', () => {
    const paced = new PacedChanges(10_000, 0);
    expect(paced.take({ changed: ids(1, 100), removed: [] }, 10).changed).toEqual(ids(1, 100));
    // Changed again 17 ms later: 170 views' worth of budget has come back.
    expect(paced.take({ changed: ids(1, 100), removed: [] }, 27).changed).toEqual(ids(1, 100));
    expect(paced.behind).toBe(0);
  });

  it('over it: at most the budget a second, oldest change first, until every one has gone', () => {
    const paced = new PacedChanges(1_000, 0); // a burst of 100, 1 view a millisecond
    expect(paced.take({ changed: ids(1, 500), removed: [] }, 0).changed).toHaveLength(500); // all new
    const first = paced.take({ changed: ids(1, 500), removed: [] }, 1_000);
    expect(first.changed).toEqual(ids(1, 100));
    expect(paced.behind).toBe(400);
    // 1 and 2 change again: they keep their place behind the 400 that waited longer.
    const second = paced.take({ changed: [1, 2], removed: [] }, 1_050);
    expect(second.changed).toEqual(ids(101, 50));
    const sent = [...first.changed, ...second.changed];
    for (let t = 1_100; paced.behind > 0; t += 17) sent.push(...paced.take(none, t).changed);
    expect(new Set(sent)).toEqual(new Set(ids(1, 500)));
    expect(sent.slice(-2)).toEqual([1, 2]);
  });

  it('a new connection and a removed one never wait; a removed one leaves the queue', () => {
    const paced = new PacedChanges(1_000, 0);
    paced.take({ changed: ids(1, 300), removed: [] }, 0);
    paced.take({ changed: ids(1, 300), removed: [] }, 1_000); // 100 sent, 200 waiting
    const batch = paced.take({ changed: [301, 302], removed: [150, 250] }, 1_000);
    expect(batch).toEqual({ changed: [301, 302], removed: [150, 250] });
    expect(paced.behind).toBe(198);
    const rest: number[] = [];
    for (let t = 1_017; paced.behind > 0; t += 17) rest.push(...paced.take(none, t).changed);
    expect(rest).not.toContain(150);
    expect(rest).not.toContain(250);
    // A removed id that comes back is a new connection again: it goes at once.
    expect(paced.take({ changed: [150], removed: [] }, 5_000).changed).toEqual([150]);
  });
});
