import type { SelectSets } from '../../shared/engine';
import type { TracedProgram } from './program';
import type { ProgramLoop } from './program-loop';
import type { ShimEvent } from './shim-events';

/** While halted in Step mode, what select() would return is asked this often (the network keeps going). */
const PROBE_MS = 250;
/** A program that does not answer a probe in this long is not waiting at its select() any more. */
const PROBE_TIMEOUT_MS = 2_000;

/**
 * What a program halted at its select() would get back now: the tracer runs the same call
 * with no wait (which changes nothing) and says. Kept fresh while halted, as the engine's
 * Step mode shows what its select() would return.
 */
export class SelectProbe {
  /** The newest answer, or null when there is none for the call the program waits at. */
  pending: SelectSets | null = null;
  private answer: ((event: Extract<ShimEvent, { ev: 'probe' }>) => void) | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly program: TracedProgram,
    private readonly loop: ProgramLoop,
    private readonly changed: () => void,
  ) {}

  /** The tracer's answer to the probe under way. */
  take(event: Extract<ShimEvent, { ev: 'probe' }>): void {
    this.answer?.(event);
  }

  /** A new select() call: the last answer was about another one. */
  forget(): void {
    this.pending = null;
  }

  ask(): Promise<SelectSets | null> {
    const { program, loop } = this;
    if (!loop.halted || program.exited) return Promise.resolve(null);
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(null), PROBE_TIMEOUT_MS);
      const finish = (sets: SelectSets | null): void => {
        clearTimeout(timer);
        this.answer = null;
        resolve(sets);
      };
      this.answer = (event) => {
        const sets = {
          readable: loop.idsOf(event.r ?? []),
          writable: loop.idsOf(event.w ?? []),
          exceptional: loop.idsOf(event.x ?? []),
        };
        this.pending = sets;
        this.changed();
        finish(sets);
      };
      program.command('probe');
    });
  }

  /** Asks again and again while `on` (Step mode); stops when not. */
  watch(on: boolean): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (!on) return;
    this.timer = setInterval(() => {
      if (!this.answer) void this.ask();
    }, PROBE_MS);
    this.timer.unref();
  }
}
