/**
 * A Socket Lab recording: JSON lines, one object a line (docs/recording-format.md).
 *
 *   line 1        the header: format, version, the lab's version, options, start time
 *   then          a snapshot of the whole state, then the iteration records that follow it,
 *                 a new snapshot every `snapshotEvery` iterations (any point is a seek away)
 *   last line     the end: when and why the recording stopped (missing: it was cut short)
 *
 * Iteration lines are the engine's own `IterationRecord`s: in version 2 each one as an array
 * (compact.ts), in version 1 as the object itself. The headless server's `--log jsonl` output
 * is object lines without a header or snapshots, and opens the same way.
 * The lab writes recordings gzip-compressed in independent blocks (gzip-blocks.ts).
 */
import type {
  EngineOptions,
  EngineSnapshot,
  Fidelity,
  IterationRecord,
  ServerStatus,
  SocketId,
} from '../engine';

export const RECORDING_FORMAT = 'socket-lab-recording';
/** Bumped when a reader of the previous version could misread a file; readers refuse newer ones. */
export const RECORDING_VERSION = 2;
/** The name a recording gets: JSON lines, gzip-compressed. */
export const RECORDING_EXTENSION = '.slrec.gz';

/** Line 1. */
export interface RecordingHeader {
  type: 'header';
  format: typeof RECORDING_FORMAT;
  version: number;
  /** The Socket Lab version that wrote it. */
  lab: string;
  /** What made the records: `engine` (the lab's own server); the tracer of real programs says `tracer`. */
  producer: string;
  /** Wall clock (ms since epoch) when recording began. */
  startedAt: number;
  /** A snapshot line comes every this many iterations (more often when records are large). */
  snapshotEvery: number;
  /** The engine's options and fidelity when recording began. */
  options: EngineOptions;
  fidelity: Fidelity;
  server: ServerStatus;
}

/** A queue's message sizes, run-length encoded: [bytes, how many in a row]. */
export type QueueSizes = [bytes: number, count: number][];

/** The whole state after the iteration before it: where a seek starts. */
export interface SnapshotLine {
  type: 'snapshot';
  engine: EngineSnapshot;
  /** Each connection's queued message sizes (their bytes are never recorded). */
  queues: [SocketId, QueueSizes][];
}

export type EndReason = 'stopped' | 'server-stopped' | 'server-crashed' | 'quit' | 'error';

/** The last line: a file without it was cut short. */
export interface EndLine {
  type: 'end';
  at: number;
  /** The last iteration recorded. */
  iteration: number;
  reason: EndReason;
}

export type RecordingLine =
  RecordingHeader | SnapshotLine | EndLine | { type: 'iteration'; record: IterationRecord };

/** Run-length encodes message sizes. */
export function encodeSizes(sizes: readonly number[]): QueueSizes {
  const runs: QueueSizes = [];
  for (const size of sizes) {
    const last = runs.at(-1);
    if (last && last[0] === size) last[1]++;
    else runs.push([size, 1]);
  }
  return runs;
}

/** The message sizes a run-length encoding stands for. */
export function decodeSizes(runs: QueueSizes): number[] {
  const sizes: number[] = [];
  for (const [size, count] of runs) for (let i = 0; i < count; i++) sizes.push(size);
  return sizes;
}
