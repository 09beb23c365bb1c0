import type { SelectSets } from '../../../shared/engine';

/** What the window shows while halted in Step mode, in the terms a screen reader says. */
export interface Halt {
  /** The newest iteration, and what its select() returned ("2 readable, 1 writable"). */
  n: number;
  returned: string | null;
  /** What select() would return now; null mid-iteration (Step action), when the code panel speaks. */
  next: string | null;
  /** The newest record is the user's own Close or Reset, not a pass of the loop: what it did. */
  user?: string;
}

/** "2 readable, 1 writable"; "nothing" when every set is empty. */
export function describeSets(sets: SelectSets): string {
  const counts = [
    [sets.readable.length, 'readable'],
    [sets.writable.length, 'writable'],
    [sets.exceptional.length, 'exceptional'],
  ] as const;
  return (
    counts
      .filter(([n]) => n > 0)
      .map(([n, name]) => `${n} ${name}`)
      .join(', ') || 'nothing'
  );
}

const wouldReturn = (next: string): string =>
  next === 'nothing' ? 'nothing is ready: select() would block' : `select() would return ${next}`;

/**
 * The sentence for a screen reader when the halted window changes from `was` to `now` (null:
 * not halted): the iteration a Step ran, and what the next select() would return; summed up
 * per set, never socket by socket. Null when there is nothing new to say.
 */
export function haltNews(was: Halt | null, now: Halt | null): string | null {
  if (!now) return null;
  if (!was) return now.next === null ? 'Halted mid-iteration.' : `Halted: ${wouldReturn(now.next)}.`;
  const said: string[] = [];
  const stepped = now.n !== was.n;
  if (stepped && now.user) said.push(`${now.user}.`);
  else if (stepped) said.push(`Iteration ${now.n}: select() returned ${now.returned ?? 'nothing'}.`);
  if (now.next !== null && (stepped || now.next !== was.next))
    said.push(stepped ? `Next, ${wouldReturn(now.next)}.` : `Now ${wouldReturn(now.next)}.`);
  return said.length > 0 ? said.join(' ') : null;
}
