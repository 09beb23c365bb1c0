/**
 * How `npm run bench` hands over to optional add-ons. `bench/fleet.ts`, when it
 * exists, exports a function of this type (default export, or `runFleetBench`);
 * the runner calls it after its own table and prints what it returns.
 */
export interface BenchContext {
  quick: boolean;
  /** Measured milliseconds per case in this run. */
  durationMs: number;
  /** The external load generator's figures for the engine, to print beside the fleet's. */
  reference: { label: string; engineMsgPerSec: number | null; nodeMsgPerSec: number | null };
  log: (line: string) => void;
}

export type FleetBench = (
  context: BenchContext,
) => Promise<string | string[] | void> | string | string[] | void;
