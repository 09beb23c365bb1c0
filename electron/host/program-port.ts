import { fail, type Result } from '../../shared/result';

/**
 * What a shell lets the window do with real programs (electron/tracer/): watch the seed
 * itself, or one the user picks, and go back to the lab's engine. Running programs is the
 * shell's decision — the browser shell offers it only when started with --allow-run.
 */
export interface ProgramPort {
  watch(program: 'original' | 'choose'): Promise<Result<null>>;
  unwatch(): Promise<Result<null>>;
  /** The shell is closing: end the program watched, if any, and remove what was made for it. */
  dispose(): Promise<void>;
}

const REFUSED =
  'This shell runs no programs: a browser tab that holds the token must not be able to start them. ' +
  'Start the browser shell with --allow-run (npm run serve -- --allow-run), or watch a program with npm run trace -- python3 server.py.';

/** A shell that runs no programs. */
export const NO_PROGRAMS: ProgramPort = {
  watch: () => Promise.resolve(fail('NOT_SUPPORTED', REFUSED)),
  unwatch: () => Promise.resolve(fail('NOT_SUPPORTED', REFUSED)),
  dispose: () => Promise.resolve(),
};
