import { useEffect } from 'react';
import type { LabApi, LabDelta } from '../../../shared/contract';
import { useLabStore } from './lab-store';

/**
 * The one door from the engine into the store: subscribe to batches, ask for a
 * snapshot, apply it, then apply every later batch. Batches that arrive before the
 * snapshot's reply are older than it on an ordered transport, so they are dropped
 * (replaying them could resurrect a socket that closed meanwhile).
 */
export function useLabSync(api: LabApi): void {
  useEffect(() => {
    const store = useLabStore.getState();
    let haveSnapshot = false;
    let live = true;
    const off = api.onDelta((delta: LabDelta) => {
      if (haveSnapshot) useLabStore.getState().applyDelta(delta);
    });
    store.setLink('connecting');
    api
      .snapshot({})
      .then((result) => {
        if (!live) return;
        if (!result.ok) {
          useLabStore.getState().setLink('failed', result.error.message);
          return;
        }
        useLabStore.getState().applySnapshot(result.value);
        haveSnapshot = true;
      })
      .catch((error: unknown) => {
        if (live) useLabStore.getState().setLink('failed', error instanceof Error ? error.message : String(error));
      });
    return () => {
      live = false;
      off();
    };
  }, [api]);
}
