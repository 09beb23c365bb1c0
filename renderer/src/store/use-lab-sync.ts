import { useEffect } from 'react';
import type { LabApi, LabDelta } from '../../../shared/contract';
import { isResettable } from '../replay/resettable';
import { DeltaPacer } from './delta-pacer';
import { useLabStore } from './lab-store';

/** Waits between snapshot attempts while the transport is still coming up. */
const RETRY_MS = [50, 100, 200, 400, 800, 1500];
/** Attempts after which the window says it cannot reach the engine (it keeps trying). */
const QUIET_ATTEMPTS = 4;

/**
 * The one door from the engine into the store: subscribe to batches, ask for a
 * snapshot, apply it, then apply every later batch (those closer together than a redraw
 * merged into one: delta-pacer.ts). Batches that arrive before the
 * snapshot's reply are older than it on an ordered transport, so they are dropped
 * (replaying them could resurrect a socket that closed meanwhile). A transport that
 * is not up yet fails the snapshot at once: ask again with backoff. A source that can jump
 * (a replay) hands over a fresh snapshot instead of a batch; it comes in by the same door.
 */
export function useLabSync(api: LabApi): void {
  useEffect(() => {
    let haveSnapshot = false;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const pacer = new DeltaPacer(
      (delta) => useLabStore.getState().applyDelta(delta),
      () => useLabStore.getState().engine?.options.historySize ?? 500,
    );
    const off = api.onDelta((delta: LabDelta) => {
      if (haveSnapshot) pacer.push(delta);
    });
    const offReset = isResettable(api)
      ? api.onReset((snapshot, trail) => {
          if (!haveSnapshot) return;
          pacer.flush();
          useLabStore.getState().applyReset(snapshot, trail);
        })
      : () => undefined;
    const ask = async (attempt: number): Promise<void> => {
      let message: string;
      try {
        const result = await api.snapshot({});
        if (!live) return;
        if (result.ok) {
          useLabStore.getState().applySnapshot(result.value);
          haveSnapshot = true;
          return;
        }
        message = result.error.message;
      } catch (error) {
        message = error instanceof Error ? error.message : String(error);
      }
      if (!live) return;
      // A refused token says more than "cannot reach the engine": keep it on screen.
      if (useLabStore.getState().link !== 'refused')
        useLabStore
          .getState()
          .setLink(
            attempt + 1 >= QUIET_ATTEMPTS ? 'failed' : 'connecting',
            attempt + 1 >= QUIET_ATTEMPTS ? message : null,
          );
      timer = setTimeout(() => void ask(attempt + 1), RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]);
    };
    useLabStore.getState().setLink('connecting');
    void ask(0);
    return () => {
      live = false;
      clearTimeout(timer);
      pacer.dispose();
      off();
      offReset();
    };
  }, [api]);
}
