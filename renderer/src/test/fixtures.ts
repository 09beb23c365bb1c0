import type { CommandName, CommandResults, LabApi, LabDelta, LabSnapshot } from '../../../shared/contract';
import {
  DEFAULT_OPTIONS,
  type Action,
  type EngineSnapshot,
  type IterationRecord,
} from '../../../shared/engine';
import { connection, emptyDelta, record } from '../../../shared/fixtures';
import { fleetDown, type FleetSummary } from '../../../shared/fleet';
import { fail, ok, type Result } from '../../../shared/result';

/** Hand-made data for rendering tests: shapes the contract promises, no engine behind them. */
export function engineSnapshot(patch: Partial<EngineSnapshot> = {}): EngineSnapshot {
  return {
    server: { state: 'listening', host: '127.0.0.1', port: 50000, address: '127.0.0.1:50000', error: null },
    program: null,
    run: 1,
    mode: 'run',
    fidelity: 'safe',
    options: DEFAULT_OPTIONS,
    iteration: 0,
    inputs: [0],
    outputs: [],
    lastSets: null,
    pending: null,
    cursor: null,
    listener: { fd: 3, backlog: 5, queued: 0, waiting: 0, nextRetryAt: null },
    connections: [],
    totals: { accepted: 0, closed: 0, bytesIn: 0, bytesOut: 0, bytesLost: 0, crashes: 0 },
    ...patch,
  };
}

export { connection, record };

export const noFleet: FleetSummary = fleetDown(null);

export function snapshot(engine: Partial<EngineSnapshot> = {}, history: IterationRecord[] = []): LabSnapshot {
  return { engine: engineSnapshot(engine), history, clients: [], fleet: noFleet };
}

export const delta = (patch: Partial<LabDelta> = {}): LabDelta => emptyDelta(1, patch);

/** The crash the original has when it writes to a socket whose queue is gone. */
export const keyErrorCrash = {
  kind: 'crash',
  id: 1,
  exception: 'KeyError',
  detail: 'message_queues[s]',
  phase: 'writable',
} as const satisfies Action;

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
    runUntil: answer('runUntil'),
    closeConnection: answer('closeConnection'),
    runScenario: answer('runScenario'),
    watchProgram: answer('watchProgram'),
    watchEngine: answer('watchEngine'),
    startRecording: answer('startRecording'),
    stopRecording: answer('stopRecording'),
    onDelta(listener: (d: LabDelta) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as LabApi;
  return { api, calls, push: (d: LabDelta) => listeners.forEach((l) => l(d)) };
}
