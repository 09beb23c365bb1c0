import { z } from 'zod';
import type { Action, Fidelity, SocketId } from './engine';
import { formatAction } from './format';

/**
 * Run until: the conditions the loop can run towards at full speed and halt at. Validated
 * with these schemas wherever a breakpoint crosses a boundary (a command, a lesson file).
 */

export const BREAKPOINT_LISTS = ['inputs', 'outputs', 'exceptional'] as const;
export type BreakpointList = (typeof BREAKPOINT_LISTS)[number];

const MAX_QUEUE_BYTES = 1024 * 1024 * 1024;

/** A connection's id (#1, #2…): the listening socket #0 never enters outputs nor has a queue. */
const socketId = z
  .number({ error: 'The socket must be a number, such as 3 for #3.' })
  .int('The socket must be a whole number, such as 3 for #3.')
  .min(0, 'The socket must be #0 or more.')
  .max(Number.MAX_SAFE_INTEGER, 'There is no socket with so large a number.');

export const breakpointSchema = z.discriminatedUnion(
  'kind',
  [
    /** A socket (any, or #id) enters inputs (accept), outputs (outputs.append) or exceptional (select). */
    z.strictObject({
      kind: z.literal('enters'),
      list: z.enum(BREAKPOINT_LISTS, { error: 'The list must be inputs, outputs or exceptional.' }),
      id: socketId.optional(),
    }),
    /** A connection's queue (any, or #id) holds more than `bytes`. */
    z.strictObject({
      kind: z.literal('queue'),
      bytes: z
        .number({ error: 'The byte count must be a number, such as 4096.' })
        .int('The byte count must be a whole number of bytes.')
        .min(1, 'The byte count must be 1 or more.')
        .max(MAX_QUEUE_BYTES, 'The byte count must be at most 1 GiB: no queue grows past its cap.'),
      id: socketId.optional(),
    }),
    /** send() wrote less than the message: the rest is lost (Tutorial) or requeued (Safe). */
    z.strictObject({ kind: z.literal('partial-send') }),
    /** The original would crash (Tutorial), or a call raised (recv/send errors; Safe catches them). */
    z.strictObject({ kind: z.literal('crash') }),
    /** Iteration `n` calls select(). */
    z.strictObject({
      kind: z.literal('iteration'),
      n: z
        .number({ error: 'The iteration must be a number, such as 120.' })
        .int('The iteration must be a whole number.')
        .min(1, 'The iteration must be 1 or more.')
        .max(Number.MAX_SAFE_INTEGER, 'The iteration is too large.'),
    }),
  ],
  { error: 'Run until needs a condition: enters, queue, partial-send, crash or iteration.' },
);

export type Breakpoint = z.infer<typeof breakpointSchema>;
export type BreakpointKind = Breakpoint['kind'];

/** The breakpoint in the words the window uses: "#3 enters outputs", "a queue passes 4096 B". */
export function describeBreakpoint(breakpoint: Breakpoint): string {
  switch (breakpoint.kind) {
    case 'enters':
      return `${breakpoint.id === undefined ? 'a socket' : `#${breakpoint.id}`} enters ${breakpoint.list}`;
    case 'queue':
      return `${breakpoint.id === undefined ? 'a queue' : `#${breakpoint.id}'s queue`} passes ${breakpoint.bytes} B`;
    case 'partial-send':
      return 'a partial send';
    case 'crash':
      return 'a crash point or an exception';
    case 'iteration':
      return `iteration ${breakpoint.n}`;
  }
}

/** Where an action happens, as a breakpoint needs to know it. */
export interface ActionContext {
  /** The iteration the action is in. */
  n: number;
  fidelity: Fidelity;
  /** Bytes in connection `id`'s queue once the action is done. */
  queueBytes: (id: SocketId) => number;
}

/**
 * One Run until, watching actions as they happen: the engine's (electron/lab/breakpoints.ts)
 * or a replay's (shared/recording/replay.ts), so a breakpoint halts a recording where it
 * would have halted the live loop.
 */
export class BreakpointWatch {
  /** The last send() seen, so a partial send is told with its numbers. */
  private lastSend: Extract<Action, { kind: 'send' }> | null = null;

  constructor(readonly breakpoint: Breakpoint) {}

  /**
   * Why `action` meets the breakpoint, as a sentence for the window ("#3 entered outputs (run
   * until a socket enters outputs)"), or null when it does not.
   */
  met(action: Action, at: ActionContext): string | null {
    const why = this.check(action, at);
    return why === null ? null : `${why} (run until ${describeBreakpoint(this.breakpoint)})`;
  }

  private check(action: Action, at: ActionContext): string | null {
    if (action.kind === 'send') this.lastSend = action;
    const breakpoint = this.breakpoint;
    switch (breakpoint.kind) {
      case 'enters':
        return entered(breakpoint, action);
      case 'queue': {
        if (action.kind !== 'put' || (breakpoint.id !== undefined && breakpoint.id !== action.id))
          return null;
        const bytes = at.queueBytes(action.id);
        return bytes > breakpoint.bytes ? `#${action.id}'s queue holds ${bytes} B` : null;
      }
      case 'partial-send':
        return this.partialSend(action);
      case 'crash':
        // In Tutorial mode a raise is followed by the crash it causes: halt at the crash.
        if (action.kind === 'crash') return formatAction(action);
        return action.kind === 'raise' && at.fidelity === 'safe' ? formatAction(action) : null;
      case 'iteration':
        return action.kind === 'select' && at.n >= breakpoint.n
          ? `iteration ${at.n} called select(): ${formatAction(action)}`
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
