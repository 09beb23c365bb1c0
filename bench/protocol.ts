/** What the bench's processes say to each other over fork() IPC. */

export type Workload = 'ping-pong' | 'stream' | 'storm';

/** One case for one load worker. */
export interface LoadSpec {
  workload: Workload;
  host: string;
  port: number;
  /** Concurrent connections this worker opens (storm: at most this many at once). */
  connections: number;
  /** Message size (ping-pong, storm) or write size (stream). */
  size: number;
  /** Storm: connections to open in all (this worker's share). */
  total: number;
  /** Offsets into the pattern stream, so no two connections send the same bytes. */
  firstClient: number;
  connectTimeoutMs: number;
  warmupMs: number;
  durationMs: number;
}

/** What a worker measured in the window after warm-up. */
export interface LoadResult {
  /** Round trips completed (ping-pong), connections served (storm), 0 (stream). */
  messages: number;
  /** Echoed bytes received and checked byte-exact. */
  verified: number;
  /** Connections whose echo differed from what they sent. */
  mismatches: number;
  connected: number;
  /** Connections that got at least one full echo back. */
  served: number;
  attempted: number;
  errors: Record<string, number>;
  /** Round trips in µs, as Histogram pairs. */
  rtt: [number, number][];
  /** The worker's own CPU time in the window, µs. */
  cpuMicros: number;
  elapsedMs: number;
}

export type ToWorker = { type: 'connect'; spec: LoadSpec } | { type: 'go' } | { type: 'stop' };
export type FromWorker =
  { type: 'connected'; connected: number; failed: number } | { type: 'result'; result: LoadResult };

export type ToServer = { type: 'stats' } | { type: 'stop' };
export type FromServer =
  | { type: 'ready'; port: number }
  /** `recordedBytes`: the recording's size on disk, when the engine records. */
  | { type: 'stats'; records: number; actions: number; recordedBytes?: number };
