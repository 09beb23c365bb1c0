/** The test-client fleet: what can be spawned and what each client reports. */

export const BEHAVIOURS = ['echo', 'burst', 'stream', 'slow-reader', 'half-close', 'reset', 'idle'] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

export type ClientState = 'connecting' | 'open' | 'half-closed' | 'closed' | 'error';

export type Verification =
  | { state: 'pending' }
  | { state: 'ok' }
  | { state: 'mismatch'; offset: number }
  | { state: 'lost'; bytes: number };

export interface ClientView {
  id: number;
  behaviour: Behaviour;
  state: ClientState;
  /** Error code (ECONNREFUSED, EMFILE, ECONNRESET, …) when state is 'error'. */
  error: string | null;
  /** The client's local port: how the server's peer address names it. */
  localPort: number | null;
  bytesSent: number;
  bytesEchoed: number;
  verification: Verification;
  rttP50: number | null;
  rttP99: number | null;
}

export interface FleetSummary {
  /** The fleet process is alive. */
  alive: boolean;
  /** Why the fleet process died, when it did. */
  exit: string | null;
  clients: number;
  byState: Record<ClientState, number>;
  verified: number;
  mismatches: number;
  bytesLost: number;
  errors: Record<string, number>;
  /** Round-trip histogram: counts per bucket, bucket upper bounds in ms. */
  rttBuckets: number[];
  rttCounts: number[];
  /** Totals over the current clients (optional: added with the fleet). */
  bytesSent?: number;
  bytesEchoed?: number;
  /** Messages whose echo came back complete, since the fleet (re)started. */
  roundTrips?: number;
}

/** An empty per-state tally. */
export const emptyByState = (): Record<ClientState, number> => ({
  connecting: 0,
  open: 0,
  'half-closed': 0,
  closed: 0,
  error: 0,
});

/** The summary of a fleet that is not running and has no clients; `exit` says why. */
export const fleetDown = (exit: string | null): FleetSummary => ({
  alive: false,
  exit,
  clients: 0,
  byState: emptyByState(),
  verified: 0,
  mismatches: 0,
  bytesLost: 0,
  errors: {},
  rttBuckets: [],
  rttCounts: [],
});
