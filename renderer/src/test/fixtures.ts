import type { CommandName, CommandResults, LabApi, LabDelta, LabSnapshot } from '../../../shared/contract';
import {
  DEFAULT_OPTIONS,
  type Action,
  type ConnectionView,
  type EngineSnapshot,
  type IterationRecord,
  type SocketId,
} from '../../../shared/engine';
import type { FleetSummary } from '../../../shared/fleet';
import { fail, ok, type Result } from '../../../shared/result';

/** Hand-made data for rendering tests: shapes the contract promises, no engine behind them. */
export function connection(id: SocketId, patch: Partial<ConnectionView> = {}): ConnectionView {
  return {
    id,
    peer: `127.0.0.1:${40000 + id}`,
    queuedMessages: 0,
    queuedBytes: 0,
    bytesIn: 0,
    bytesOut: 0,
    bytesLost: 0,
    recvBuffered: 0,
    sendBuffered: 0,
    eof: false,
    readClosed: false,
    error: null,
    backpressure: null,
    openedAt: 0,
    ...patch,
  };
}

export function engineSnapshot(patch: Partial<EngineSnapshot> = {}): EngineSnapshot {
  return {
    server: { state: 'listening', host: '127.0.0.1', port: 50000, address: '127.0.0.1:50000', error: null },
    mode: 'run',
    fidelity: 'safe',
    options: DEFAULT_OPTIONS,
    iteration: 0,
    inputs: [0],
    outputs: [],
    lastSets: null,
    pending: null,
    cursor: null,
    pendingAccepts: 0,
    connections: [],
    totals: { accepted: 0, closed: 0, bytesIn: 0, bytesOut: 0, bytesLost: 0, crashes: 0 },
    ...patch,
  };
}

export const noFleet: FleetSummary = {
  alive: false,
  exit: null,
  clients: 0,
  byState: { connecting: 0, open: 0, 'half-closed': 0, closed: 0, error: 0 },
  verified: 0,
  mismatches: 0,
  bytesLost: 0,
  errors: {},
  rttBuckets: [],
  rttCounts: [],
};

export function snapshot(engine: Partial<EngineSnapshot> = {}, history: IterationRecord[] = []): LabSnapshot {
  return { engine: engineSnapshot(engine), history, clients: [], fleet: noFleet };
}

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

export function delta(patch: Partial<LabDelta> = {}): LabDelta {
  return {
    seq: 1,
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

type Answers = { [K in CommandName]?: (args: unknown) => Result<CommandResults[K]> };

/** A LabApi for rendering tests: answers what it is told to, records calls, and lets the test push batches. */
export function handMadeApi(initial: LabSnapshot, answers: Answers = {}) {
  const listeners = new Set<(d: LabDelta) => void>();
  const calls: { name: CommandName; args: unknown }[] = [];
  const answer = (name: CommandName) => async (args: unknown) => {
    calls.push({ name, args });
    if (name === 'snapshot') return ok(initial);
    const given = answers[name];
    return given ? given(args) : fail('INTERNAL', `${name} has no answer in this test`);
  };
  const api = {
    startServer: answer('startServer'),
    stopServer: answer('stopServer'),
    setMode: answer('setMode'),
    step: answer('step'),
    stepAction: answer('stepAction'),
    setFidelity: answer('setFidelity'),
    setOptions: answer('setOptions'),
    snapshot: answer('snapshot'),
    inspect: answer('inspect'),
    spawnClients: answer('spawnClients'),
    stopClients: answer('stopClients'),
    sendFromClient: answer('sendFromClient'),
    onDelta(listener: (d: LabDelta) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as LabApi;
  return { api, calls, push: (d: LabDelta) => listeners.forEach((l) => l(d)) };
}
