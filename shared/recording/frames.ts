/**
 * A replay's state in the contract's own shapes: the snapshot the window draws from after
 * a jump, and the batch it applies after a step forward, exactly as the live host sends
 * them. The window cannot tell which it is looking at.
 */
import type { LabDelta, LabSnapshot, Notice } from '../contract';
import type { Action, IterationRecord, Mode } from '../engine';
import { fleetDown } from '../fleet';
import { formatAction } from '../format';
import { MAX_BATCH_RECORDS } from '../delta';
import type { Replay } from './replay';

export const NO_FLEET_IN_REPLAY = fleetDown('is not part of a replay: a recording has no clients to run');

/** The window's snapshot at the replay's position. */
export function replaySnapshot(
  replay: Replay,
  mode: Mode,
  historySize: number,
): { snapshot: LabSnapshot; trail: Action[] } {
  const frame = replay.frame(historySize);
  return {
    snapshot: {
      engine: { ...frame.engine, mode },
      history: frame.history,
      clients: [],
      fleet: NO_FLEET_IN_REPLAY,
    },
    trail: frame.trail,
  };
}

/** The notices the live engine gave for these actions (a crash the original would have, fd 1024). */
function noticesOf(records: IterationRecord[], stopOnCrash: boolean): Notice[] {
  return records.flatMap((record) =>
    record.actions.flatMap((action): Notice[] => {
      if (action.kind === 'crash') {
        const then = stopOnCrash
          ? 'The server stopped, as the original would.'
          : 'The lab carries on as the fixed server would.';
        const level = stopOnCrash ? 'error' : 'warning';
        return [
          {
            level,
            code: action.exception,
            message: `Tutorial mode: ${formatAction(action)}. ${then}`,
            at: record.at,
          },
        ];
      }
      if (action.kind === 'fd-setsize')
        return [{ level: 'warning', code: 'FD_SETSIZE', message: formatAction(action), at: record.at }];
      return [];
    }),
  );
}

/** The batch a step forward makes: what changed, the records it ran (the newest few, the rest counted). */
export function replayDelta(replay: Replay, seq: number, mode: Mode, records: IterationRecord[]): LabDelta {
  const { changed, removed } = replay.takeChanges();
  const engine = replay.engineFields();
  // Only the changed connections' views, in id (accept) order, as the live host sends them.
  const connections = changed
    .sort((a, b) => a - b)
    .flatMap((id) => {
      const view = replay.connectionView(id);
      return view ? [view] : [];
    });
  const kept = records.slice(-MAX_BATCH_RECORDS);
  return {
    seq,
    engine: { ...engine, mode },
    connections,
    removed,
    iterations: kept,
    coalesced: records.length - kept.length,
    clients: [],
    clientsRemoved: [],
    fleet: null,
    notices: noticesOf(records, engine.options.stopOnCrash),
  };
}
