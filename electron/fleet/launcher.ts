import type { FromWorker, ToWorker } from './protocol';

/**
 * The fleet process as the controller sees it, whoever launched it:
 * `child_process.fork` under plain Node, `utilityProcess.fork` in Electron.
 */
export interface FleetProcess {
  readonly pid: number | undefined;
  send(message: ToWorker): void;
  onMessage(listener: (message: FromWorker) => void): void;
  /** Called once, with why the process ended ("exited with code 1", "killed by SIGKILL"). */
  onExit(listener: (why: string) => void): void;
  kill(): void;
}

/** Starts a fresh fleet process. */
export type FleetLauncher = () => FleetProcess;

/** Words for an exit, the same for both launchers. */
export function describeExit(code: number | null, signal: string | null): string {
  return signal ? `was killed by ${signal}` : `exited with code ${code ?? 'unknown'}`;
}
