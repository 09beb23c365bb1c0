import type { LabDelta, LabSnapshot, Notice } from '../../../shared/contract';
import type {
  Action,
  ConnectionView,
  EngineSnapshot,
  IterationRecord,
  SocketId,
} from '../../../shared/engine';
import type { ClientView, FleetSummary } from '../../../shared/fleet';

/** The engine's state without its connections, which live in their own Map. */
export type EngineState = Omit<EngineSnapshot, 'connections'>;

/** The part of the store that mirrors the lab: replaced wholesale, never mutated. */
export interface LabData {
  engine: EngineState | null;
  connections: Map<SocketId, ConnectionView>;
  /** Closed connections' last views, so a past iteration can still name their peers. */
  departed: Map<SocketId, ConnectionView>;
  history: IterationRecord[];
  /** Iteration records the batches covered but did not carry, since connect. */
  coalesced: number;
  lastSeq: number;
  clients: Map<number, ClientView>;
  fleet: FleetSummary | null;
  notices: Notice[];
  /** Where the original would have crashed, newest last (they scroll by too fast to catch live). */
  crashes: CrashMark[];
}

/** A crash the original would have had, and the iteration it happened in. */
export interface CrashMark {
  n: number;
  action: Extract<Action, { kind: 'crash' }>;
}

/** Closed connections remembered for past views. */
const MAX_DEPARTED = 2000;

/** Crash marks kept. */
const MAX_CRASHES = 20;

function crashesIn(records: IterationRecord[]): CrashMark[] {
  const marks: CrashMark[] = [];
  for (const record of records) {
    for (const action of record.actions) if (action.kind === 'crash') marks.push({ n: record.n, action });
  }
  return marks;
}

/** Notices kept on screen; older ones scroll away. */
export const MAX_NOTICES = 50;

export const emptyLabData = (): LabData => ({
  engine: null,
  connections: new Map(),
  departed: new Map(),
  history: [],
  coalesced: 0,
  lastSeq: 0,
  clients: new Map(),
  fleet: null,
  notices: [],
  crashes: [],
});

/** The store's lab data as a fresh snapshot describes it. */
export function fromSnapshot(snapshot: LabSnapshot): LabData {
  const { connections, ...engine } = snapshot.engine;
  return {
    engine,
    connections: new Map(connections.map((c) => [c.id, c])),
    departed: new Map(),
    history: snapshot.history.slice(-engine.options.historySize),
    coalesced: 0,
    lastSeq: 0,
    clients: new Map(snapshot.clients.map((c) => [c.id, c])),
    fleet: snapshot.fleet,
    notices: [],
    crashes: crashesIn(snapshot.history).slice(-MAX_CRASHES),
  };
}

/** Merge changed entries and drop removed ones into a new Map (or keep the old one if nothing changed). */
function patchMap<K, V extends { id: K }>(map: Map<K, V>, changed: V[], removed: K[]): Map<K, V> {
  if (changed.length === 0 && removed.length === 0) return map;
  const next = new Map(map);
  for (const item of changed) next.set(item.id, item);
  for (const id of removed) next.delete(id);
  return next;
}

/** Append records newer than the newest one held, keeping at most `limit`. */
function appendHistory(
  history: IterationRecord[],
  records: IterationRecord[],
  limit: number,
): IterationRecord[] {
  const newest = history.at(-1)?.n ?? -1;
  const fresh = records.filter((r) => r.n > newest);
  if (fresh.length === 0) return history;
  const next = history.concat(fresh);
  return next.length > limit ? next.slice(next.length - limit) : next;
}

/**
 * One batch applied to the lab data. Pure: returns only the fields that changed,
 * so untouched Maps and arrays keep their identity and their subscribers stay still.
 */
export function applyDelta(data: LabData, delta: LabDelta): Partial<LabData> {
  const patch: Partial<LabData> = { lastSeq: delta.seq };
  if (data.engine && Object.keys(delta.engine).length > 0) patch.engine = { ...data.engine, ...delta.engine };
  const engine = patch.engine ?? data.engine;
  // A restarted server numbers iterations and sockets afresh: the old run's records no longer apply.
  const restarted = delta.engine.run !== undefined && delta.engine.run !== data.engine?.run;
  // Its sockets neither (a watched program replacing the engine leaves none behind).
  const known = restarted ? new Map<SocketId, ConnectionView>() : data.connections;
  const connections = patchMap(known, delta.connections, delta.removed);
  if (connections !== data.connections) patch.connections = connections;
  const leaving = delta.removed.flatMap((id) => data.connections.get(id) ?? []);
  if (leaving.length > 0) {
    const departed = new Map(data.departed);
    for (const view of leaving) departed.set(view.id, view);
    for (const id of departed.keys()) {
      if (departed.size <= MAX_DEPARTED) break;
      departed.delete(id); // oldest first: Map keeps insertion order
    }
    patch.departed = departed;
  }
  const limit = engine?.options.historySize ?? 500;
  const before: Pick<LabData, 'history' | 'crashes'> = restarted ? { history: [], crashes: [] } : data;
  const history = appendHistory(before.history, delta.iterations, limit);
  if (history !== data.history) patch.history = history;
  const crashes = crashesIn(delta.iterations).filter((c) => c.n > (before.crashes.at(-1)?.n ?? -1));
  if (crashes.length > 0 || before.crashes !== data.crashes) {
    patch.crashes = before.crashes.concat(crashes).slice(-MAX_CRASHES);
  }
  if (delta.coalesced > 0) patch.coalesced = data.coalesced + delta.coalesced;
  const clients = patchMap(data.clients, delta.clients, delta.clientsRemoved);
  if (clients !== data.clients) patch.clients = clients;
  if (delta.fleet) patch.fleet = delta.fleet;
  if (delta.notices.length > 0) patch.notices = data.notices.concat(delta.notices).slice(-MAX_NOTICES);
  return patch;
}
