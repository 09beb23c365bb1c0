import type { ConnectionView, IterationRecord } from './engine';
import type { ClientView } from './fleet';
import type { LabDelta, LabSnapshot } from './contract';

/** Records a merged batch keeps; older ones are counted in `coalesced`. */
export const MAX_BATCH_RECORDS = 16;
/** Notices a merged batch keeps (the newest). */
export const MAX_BATCH_NOTICES = 50;

/** Upsert `next` into `prev` by id, dropping `removed`: later views replace earlier ones. */
function mergeById<T extends { id: number }>(prev: T[], removed: number[], next: T[]): T[] {
  const byId = new Map<number, T>();
  const gone = new Set(removed);
  for (const item of prev) if (!gone.has(item.id)) byId.set(item.id, item);
  for (const item of next) byId.set(item.id, item);
  return [...byId.values()];
}

/** Ids removed by either batch, except those the later batch brings back. */
function mergeRemoved(a: number[], b: number[], revived: { id: number }[]): number[] {
  const back = new Set(revived.map((item) => item.id));
  return [...new Set([...a, ...b])].filter((id) => !back.has(id));
}

function newest<T>(items: T[], keep: number): { kept: T[]; dropped: number } {
  const dropped = Math.max(0, items.length - keep);
  return { kept: items.slice(dropped), dropped };
}

/**
 * One batch equivalent to applying `a` then `b`: what a subscriber that fell behind gets
 * instead of a growing queue. Its size is bounded by the state, not by the time behind.
 */
export function mergeDeltas(a: LabDelta, b: LabDelta, maxRecords = MAX_BATCH_RECORDS): LabDelta {
  const records = newest([...a.iterations, ...b.iterations], maxRecords);
  return {
    seq: b.seq,
    engine: { ...a.engine, ...b.engine },
    connections: mergeById(a.connections, b.removed, b.connections),
    removed: mergeRemoved(a.removed, b.removed, b.connections),
    iterations: records.kept,
    coalesced: a.coalesced + b.coalesced + records.dropped,
    clients: mergeById(a.clients, b.clientsRemoved, b.clients),
    clientsRemoved: mergeRemoved(a.clientsRemoved, b.clientsRemoved, b.clients),
    fleet: b.fleet ?? a.fleet,
    notices: newest([...a.notices, ...b.notices], MAX_BATCH_NOTICES).kept,
    ...(b.recording || a.recording ? { recording: b.recording ?? a.recording } : {}),
  };
}

function applyById<T extends { id: number }>(list: T[], removed: number[], changed: T[]): T[] {
  if (removed.length === 0 && changed.length === 0) return list;
  const merged = mergeById(list, removed, []);
  const index = new Map(merged.map((item, i) => [item.id, i]));
  for (const item of changed) {
    const at = index.get(item.id);
    if (at === undefined) {
      index.set(item.id, merged.length);
      merged.push(item);
    } else merged[at] = item;
  }
  return merged;
}

/**
 * A snapshot with one batch applied: removals first, then upserts. The reference
 * semantics of a batch; the renderer's store and the tests follow it.
 */
export function applyDelta(snapshot: LabSnapshot, delta: LabDelta): LabSnapshot {
  const connections: ConnectionView[] = applyById(
    snapshot.engine.connections,
    delta.removed,
    delta.connections,
  );
  const historySize = (delta.engine.options ?? snapshot.engine.options).historySize;
  const history: IterationRecord[] = newest([...snapshot.history, ...delta.iterations], historySize).kept;
  const clients: ClientView[] = applyById(snapshot.clients, delta.clientsRemoved, delta.clients);
  return {
    engine: { ...snapshot.engine, ...delta.engine, connections },
    history,
    clients,
    fleet: delta.fleet ?? snapshot.fleet,
    ...(delta.recording || snapshot.recording ? { recording: delta.recording ?? snapshot.recording } : {}),
  };
}
