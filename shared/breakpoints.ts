import { z } from 'zod';

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
