import type { SpawnSpec } from '../../shared/contract';
import type { Behaviour, ClientState, ClientView, Verification } from '../../shared/fleet';
import { BEHAVIOURS, emptyByState } from '../../shared/fleet';
import { RTT_BUCKETS } from './rtt';

/**
 * Messages between the fleet controller (parent) and the fleet worker (child).
 * They cross a process boundary, so they are plain data; client views travel
 * as compact tuples because thousands of them go out several times a second.
 */

export interface Target {
  host: string;
  port: number;
}

export type ToWorker =
  | { type: 'spawn'; ids: number[]; spec: SpawnSpec; target: Target }
  | { type: 'stop-all' }
  | { type: 'send'; clientId: number; base64: string };

/** Fleet-wide figures the worker aggregates, so the parent never walks every client. */
export interface WorkerTotals {
  clients: number;
  byState: Record<ClientState, number>;
  verified: number;
  mismatches: number;
  bytesLost: number;
  bytesSent: number;
  bytesEchoed: number;
  /** Messages whose echo came back complete (lost or not), since the fleet started. */
  roundTrips: number;
  errors: Record<string, number>;
  rttCounts: number[];
}

export type FromWorker =
  | { type: 'ready'; pid: number }
  | { type: 'report'; clients: ClientTuple[]; removed: number[]; totals: WorkerTotals }
  /** Stop-all is done: no client of before it will connect any more. */
  | { type: 'stopped' }
  | { type: 'notice'; level: 'info' | 'warning' | 'error'; code: string; message: string };

const STATES: readonly ClientState[] = ['connecting', 'open', 'half-closed', 'closed', 'error'];
const VERIFICATIONS = ['pending', 'ok', 'mismatch', 'lost'] as const;

/** [id, behaviour, state, error, localPort, sent, echoed, verification, offset|bytes, p50, p99] */
export type ClientTuple = [
  number,
  number,
  number,
  string | null,
  number | null,
  number,
  number,
  number,
  number,
  number | null,
  number | null,
];

/** Packs a view for the wire. */
export function toTuple(view: ClientView): ClientTuple {
  const v = view.verification;
  const detail = v.state === 'mismatch' ? v.offset : v.state === 'lost' ? v.bytes : 0;
  return [
    view.id,
    BEHAVIOURS.indexOf(view.behaviour),
    STATES.indexOf(view.state),
    view.error,
    view.localPort,
    view.bytesSent,
    view.bytesEchoed,
    VERIFICATIONS.indexOf(v.state),
    detail,
    view.rttP50,
    view.rttP99,
  ];
}

/** Unpacks a view from the wire. */
export function fromTuple(t: ClientTuple): ClientView {
  return {
    id: t[0],
    behaviour: BEHAVIOURS[t[1]] ?? ('idle' satisfies Behaviour),
    state: STATES[t[2]] ?? 'error',
    error: t[3],
    localPort: t[4],
    bytesSent: t[5],
    bytesEchoed: t[6],
    verification: verificationOf(t[7], t[8]),
    rttP50: t[9],
    rttP99: t[10],
  };
}

function verificationOf(index: number, detail: number): Verification {
  switch (VERIFICATIONS[index]) {
    case 'ok':
      return { state: 'ok' };
    case 'mismatch':
      return { state: 'mismatch', offset: detail };
    case 'lost':
      return { state: 'lost', bytes: detail };
    default:
      return { state: 'pending' };
  }
}

/** Totals before the first report. */
export const emptyTotals = (): WorkerTotals => ({
  clients: 0,
  byState: emptyByState(),
  verified: 0,
  mismatches: 0,
  bytesLost: 0,
  bytesSent: 0,
  bytesEchoed: 0,
  roundTrips: 0,
  errors: {},
  rttCounts: RTT_BUCKETS.map(() => 0),
});
