import { describe, expect, it } from 'vitest';
import { judge, markKey } from './predict';

describe('judging a prediction', () => {
  it('calls marked-and-returned right, marked-only wrong, returned-only missed', () => {
    const marked = new Set([markKey('readable', 0), markKey('readable', 2), markKey('writable', 1)]);
    const revealed = judge(7, { inputs: [0, 1, 2], outputs: [1] }, marked, {
      readable: [0, 1],
      writable: [],
      exceptional: [],
    });
    expect(revealed.verdicts).toEqual({
      'readable:0': 'right',
      'readable:1': 'missed',
      'readable:2': 'wrong',
      'writable:1': 'wrong',
    });
    expect(revealed.score).toEqual({ right: 1, wrong: 2, missed: 1 });
  });

  it('only judges the sets a list is passed for: inputs never writable, outputs never readable', () => {
    const marked = new Set([markKey('writable', 3)]);
    const revealed = judge(1, { inputs: [3], outputs: [] }, marked, {
      readable: [],
      writable: [3],
      exceptional: [],
    });
    expect(revealed.score).toEqual({ right: 0, wrong: 0, missed: 0 });
  });
});
