import { BreakpointWatch, type Breakpoint } from '../../shared/breakpoints';
import type { Action, HaltView, IterationRecord } from '../../shared/engine';
import type { Recorder } from './recorder';
import type { SelectLoop } from './select-loop';

/**
 * Run until: the breakpoint the loop runs towards and, once met, where it halted. The engine
 * asks `met()` after each action while one is armed (select-server.ts runs those iterations
 * action by action); the first action that meets it halts the loop right there.
 */
export class Breakpoints {
  halt: HaltView | null = null;
  /** What meets the armed breakpoint (shared/breakpoints.ts: a replay's Run until uses the same). */
  private watch: BreakpointWatch | null = null;

  get armed(): Breakpoint | null {
    return this.watch?.breakpoint ?? null;
  }

  arm(breakpoint: Breakpoint): void {
    this.watch = new BreakpointWatch(breakpoint);
    this.halt = null;
  }

  disarm(): void {
    this.watch = null;
  }

  /**
   * One pass while armed: the open iteration action by action. When an action meets the
   * breakpoint, a halt action goes into `record` right after it, the rest of the pass runs (so
   * the record is whole for the timeline, the log and the code panel), and it returns true:
   * the caller halts before the next select(). False when the pass ended without a hit.
   */
  runPass(
    recorder: Recorder,
    loop: SelectLoop,
    record: IterationRecord | null,
    hooks: { acted: (action: Action) => void; stopped: () => boolean },
  ): boolean {
    for (let action = recorder.stepAction(loop); action; action = recorder.stepAction(loop)) {
      if (hooks.stopped()) return false; // the server stopped where the original crashed
      const reason = this.met(action, loop, recorder.count);
      if (reason === null) continue;
      const halt: Action = { phase: action.phase, kind: 'halt', id: 'id' in action ? action.id : 0, reason };
      record?.actions.push(halt);
      hooks.acted(halt);
      this.hit(recorder.count, reason);
      recorder.runToEnd(loop);
      return true;
    }
    return false;
  }

  /** Disarms and remembers where and why the loop halted. */
  hit(n: number, reason: string): void {
    this.watch = null;
    this.halt = { n, reason, at: Date.now() };
  }

  /**
   * Why `action` meets the armed breakpoint, as a sentence for the window ("#3 entered
   * outputs (run until a socket enters outputs)"), or null when it does not.
   */
  met(action: Action, loop: SelectLoop, n: number): string | null {
    return (
      this.watch?.met(action, {
        n,
        fidelity: loop.fidelity,
        queueBytes: (id) => loop.messageQueues.get(id)?.bytes ?? 0,
      }) ?? null
    );
  }
}
