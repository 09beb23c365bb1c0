import { useEffect, useRef, useState } from 'react';
import { useLabStore, type LabState } from './lab-store';

/**
 * How often the panels that scroll with every iteration (the timeline, the loop's lit lines,
 * the counters) redraw while the lab runs flat out: ten times a second is more than the eye
 * reads there, and it leaves the main thread to the lists, which follow every batch.
 */
export const PACE_MS = 100;

/**
 * The pace of the lists of past iterations (the timeline, the log): their rows all move on each
 * redraw while the lab runs flat out, and four redraws a second are as many as anyone scans.
 */
export const HISTORY_PACE_MS = 250;

/** Halted in Step mode (the live lab's, or a paused replay's): nothing runs flat out. */
const halted = (state: LabState): boolean =>
  state.replay ? state.replay.info.mode === 'step' : state.engine?.mode === 'step';

/**
 * `selector`'s value, read from the store at most every `ms` while the lab runs: the first
 * change after a quiet spell shows at once, later ones at the end of the interval, so the last
 * state is always drawn. Halted in Step mode, every change shows at once (each is a click). The component re-renders only when the value changes, not on every
 * batch. `selector` and `equal` must be stable (module-level); a selector that depends on
 * props belongs in `useLabStore`.
 */
export function usePacedLab<T>(
  selector: (state: LabState) => T,
  ms: number = PACE_MS,
  equal: (a: T, b: T) => boolean = Object.is,
): T {
  const [shown, setShown] = useState(() => selector(useLabStore.getState()));
  const drawn = useRef(shown);
  useEffect(() => {
    let timer: number | undefined;
    let last = -Infinity;
    const read = (): void => {
      timer = undefined;
      const next = selector(useLabStore.getState());
      if (equal(drawn.current, next)) return;
      drawn.current = next;
      last = performance.now();
      setShown(() => next);
    };
    const unsubscribe = useLabStore.subscribe(() => {
      if (halted(useLabStore.getState())) {
        // Step mode: every change is the user's own click, and shows at once.
        window.clearTimeout(timer);
        read();
        return;
      }
      if (timer !== undefined) return;
      const wait = last + ms - performance.now();
      if (wait <= 0) read();
      else timer = window.setTimeout(read, wait);
    });
    read(); // what changed between the first render and now
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [selector, ms, equal]);
  return shown;
}
