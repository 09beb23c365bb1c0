import type { SelectSets, SocketId } from '../../../shared/engine';

/** The three answers select() gives, which a prediction marks per socket. */
export const MARKS = ['readable', 'writable', 'exceptional'] as const;
export type Mark = (typeof MARKS)[number];
export type Verdict = 'right' | 'wrong' | 'missed';

/** `readable:3`: one socket in one of the sets. */
export type MarkKey = `${Mark}:${number}`;
export const markKey = (mark: Mark, id: SocketId): MarkKey => `${mark}:${id}`;

export interface Score {
  right: number;
  wrong: number;
  missed: number;
}

export const NO_SCORE: Score = { right: 0, wrong: 0, missed: 0 };

/** What one Reveal found: each socket's verdict per set, and the tally. */
export interface Revealed {
  n: number;
  verdicts: Partial<Record<MarkKey, Verdict>>;
  score: Score;
}

/**
 * Compares a prediction with what select(inputs, outputs, inputs) returned: inputs can be
 * readable or exceptional, outputs writable. Marked and returned is right, marked and not
 * returned is wrong, returned and not marked is missed; neither says nothing.
 */
export function judge(
  n: number,
  lists: { inputs: readonly SocketId[]; outputs: readonly SocketId[] },
  marked: ReadonlySet<MarkKey>,
  sets: SelectSets,
): Revealed {
  const verdicts: Partial<Record<MarkKey, Verdict>> = {};
  const score = { ...NO_SCORE };
  const returned = {
    readable: new Set(sets.readable),
    writable: new Set(sets.writable),
    exceptional: new Set(sets.exceptional),
  };
  const consider = (mark: Mark, id: SocketId): void => {
    const key = markKey(mark, id);
    const predicted = marked.has(key);
    const was = returned[mark].has(id);
    const verdict: Verdict | null = predicted ? (was ? 'right' : 'wrong') : was ? 'missed' : null;
    if (verdict === null) return;
    verdicts[key] = verdict;
    score[verdict] += 1;
  };
  for (const id of lists.inputs) {
    consider('readable', id);
    consider('exceptional', id);
  }
  for (const id of lists.outputs) consider('writable', id);
  return { n, verdicts, score };
}

export const addScores = (a: Score, b: Score): Score => ({
  right: a.right + b.right,
  wrong: a.wrong + b.wrong,
  missed: a.missed + b.missed,
});

/** "5 right · 1 wrong · 2 missed". */
export const scoreText = (s: Score): string => `${s.right} right · ${s.wrong} wrong · ${s.missed} missed`;
