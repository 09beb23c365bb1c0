/** Hand-made contract data for tests on both sides (Node and the renderer): no engine behind it. */
import type { LabDelta } from './contract';
import {
  newConnectionView,
  type Action,
  type ConnectionView,
  type IterationRecord,
  type SocketId,
} from './engine';

/** A batch that changes nothing, with `patch` laid over it. */
export function emptyDelta(seq: number, patch: Partial<LabDelta> = {}): LabDelta {
  return {
    seq,
    engine: {},
    connections: [],
    removed: [],
    iterations: [],
    coalesced: 0,
    clients: [],
    clientsRemoved: [],
    fleet: null,
    notices: [],
    ...patch,
  };
}

/** A connection's view: all counters zero, `patch` laid over it. */
export function connection(id: SocketId, patch: Partial<ConnectionView> = {}): ConnectionView {
  return { ...newConnectionView(id, id + 3, `127.0.0.1:${40000 + id}`, 0), ...patch };
}

/** An iteration record; its sets are the select action's, when `actions` has one. */
export function record(
  n: number,
  actions: Action[],
  after: Partial<IterationRecord['after']> = {},
): IterationRecord {
  const select = actions.find((a) => a.kind === 'select');
  const sets =
    select && select.kind === 'select'
      ? { readable: select.readable, writable: select.writable, exceptional: select.exceptional }
      : { readable: [], writable: [], exceptional: [] };
  return {
    n,
    at: 1_700_000_000_000 + n,
    micros: 12,
    fidelity: 'safe',
    inputs: [0],
    outputs: [],
    sets,
    actions,
    after: { inputs: [0], outputs: [], queues: [], ...after },
  };
}
