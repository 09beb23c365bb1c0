import { describeBreakpoint, type Breakpoint } from '../../shared/breakpoints';
import type { Action, HaltView, IterationRecord } from '../../shared/engine';
import { formatAction } from '../../shared/format';
import type { Recorder } from './recorder';
import type { SelectLoop } from './select-loop';

/**
 * Run until: the breakpoint the loop runs towards and, once met, where it halted. The engine
 * asks `met()` after each action while one is armed (select-server.ts runs those iterations
 * action by action); the first action that meets it halts the loop right there.
 */
export class Breakpoints {
  armed: Breakpoint | null = null;
  halt: HaltView | null = null;
  /** The last send() of the iteration, so a partial send is told with its numbers. */
  private lastSend: Extract<Action, { kind: 'send' }> | null = null;

  arm(breakpoint: Breakpoint): void {
    this.armed = breakpoint;
    this.halt = null;
    this.lastSend = null;
  }

  disarm(): void {
    this.armed = null;
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
    this.armed = null;
    this.halt = { n, reason, at: Date.now() };
  }

  /**
   * Why `action` meets the armed breakpoint, as a sentence for the window ("#3 entered
   * outputs (run until a socket enters outputs)"), or null when it does not.
   */
  met(action: Action, loop: SelectLoop, n: number): string | null {
    const breakpoint = this.armed;
    if (!breakpoint) return null;
    const why = this.check(breakpoint, action, loop, n);
    return why === null ? null : `${why} (run until ${describeBreakpoint(breakpoint)})`;
  }

  private check(breakpoint: Breakpoint, action: Action, loop: SelectLoop, n: number): string | null {
    if (action.kind === 'send') this.lastSend = action;
    switch (breakpoint.kind) {
      case 'enters':
        return entered(breakpoint, action);
      case 'queue': {
        if (action.kind !== 'put' || (breakpoint.id !== undefined && breakpoint.id !== action.id))
          return null;
        const bytes = loop.messageQueues.get(action.id)?.bytes ?? 0;
        return bytes > breakpoint.bytes ? `#${action.id}'s queue holds ${bytes} B` : null;
      }
      case 'partial-send':
        return this.partialSend(action);
      case 'crash':
        // In Tutorial mode a raise is followed by the crash it causes: halt at the crash.
        if (action.kind === 'crash') return formatAction(action);
        return action.kind === 'raise' && loop.fidelity === 'safe' ? formatAction(action) : null;
      case 'iteration':
        return action.kind === 'select' && n >= breakpoint.n
          ? `iteration ${n} called select(): ${formatAction(action)}`
          : null;
    }
  }

  /** Halts once the rest of a partial send is dealt with: lost (Tutorial) or requeued (Safe). */
  private partialSend(action: Action): string | null {
    const send = this.lastSend;
    if (action.kind !== 'lost' && action.kind !== 'requeue') return null;
    if (action.kind === 'lost' && action.why !== 'partial-send') return null;
    const wrote = send && send.id === action.id ? `send() wrote ${send.sent} of ${send.of} B; ` : '';
    return action.kind === 'lost'
      ? `#${action.id}: ${wrote}the seed ignores the rest, and ${action.bytes} B are lost`
      : `#${action.id}: ${wrote}the other ${action.bytes} B go back to the head of the queue`;
  }
}

function entered(breakpoint: Extract<Breakpoint, { kind: 'enters' }>, action: Action): string | null {
  const wanted = (id: number): boolean => breakpoint.id === undefined || breakpoint.id === id;
  switch (breakpoint.list) {
    case 'inputs':
      return action.kind === 'accept' && wanted(action.id) ? `#${action.id} entered inputs` : null;
    case 'outputs':
      return action.kind === 'outputs-add' && wanted(action.id) ? `#${action.id} entered outputs` : null;
    case 'exceptional': {
      if (action.kind !== 'select') return null;
      const id = action.exceptional.find(wanted);
      return id === undefined ? null : `select() returned #${id} exceptional`;
    }
  }
}
