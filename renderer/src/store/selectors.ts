import { useShallow } from 'zustand/react/shallow';
import type { IterationRecord, SelectSets, SocketId } from '../../../shared/engine';
import { useLabStore, type LabState } from './lab-store';

/** Where the readable/writable/exceptional marks come from. */
export type SetsSource = 'pending' | 'predict' | 'cursor' | 'last' | 'past' | 'none';

/** What the three lists show right now: live, or as they were after a past iteration. */
export interface Display {
  inputs: SocketId[];
  outputs: SocketId[];
  sets: SelectSets | null;
  source: SetsSource;
  /** The timeline's chosen iteration, when not live. */
  record: IterationRecord | null;
}

const NONE: SocketId[] = [];

/** A real program runs in the engine's place (electron/tracer/): its code, not the lab's. */
export const selectWatching = (s: LabState): boolean => (s.engine?.program ?? null) !== null;

/** A recording is shown instead of the live lab. */
export const selectReplaying = (s: LabState): boolean => s.replay !== null;

/** The iteration picked in the timeline, while it is still retained; undefined when live. */
export const selectPicked = (state: Pick<LabState, 'history' | 'viewing'>): IterationRecord | undefined =>
  state.viewing === null ? undefined : state.history.find((r) => r.n === state.viewing);

/** Live lists, or the picked iteration's `after` lists; marks from pending, cursor or last select(). */
export function selectDisplay(state: LabState): Display {
  const record = selectPicked(state);
  if (record) {
    return {
      inputs: record.after.inputs,
      outputs: record.after.outputs,
      sets: record.sets,
      source: 'past',
      record,
    };
  }
  const engine = state.engine;
  if (!engine) return { inputs: NONE, outputs: NONE, sets: null, source: 'none', record: null };
  const base = { inputs: engine.inputs, outputs: engine.outputs, record: null };
  // Halted in Step mode: mid-iteration shows the sets being worked through, before select() what it would return.
  if (engine.mode === 'step' && engine.cursor) return { ...base, sets: engine.cursor.sets, source: 'cursor' };
  if (engine.mode === 'step' && engine.pending) {
    // Predicting: the answer stays hidden until Reveal.
    if (state.predicting) return { ...base, sets: null, source: 'predict' };
    return { ...base, sets: engine.pending, source: 'pending' };
  }
  if (engine.lastSets) return { ...base, sets: engine.lastSets, source: 'last' };
  return { ...base, sets: null, source: 'none' };
}

/** The lists and marks to draw, stable while nothing they depend on changed. */
export const useDisplay = (): Display => useLabStore(useShallow(selectDisplay));

/** The server is accepting connections. */
export const useListening = (): boolean => useLabStore((s) => s.engine?.server.state === 'listening');
