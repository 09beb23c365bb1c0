import { z } from 'zod';

/**
 * What the tracer inside a Python program (python/sitecustomize.py) reports, one JSON
 * object per line. The channel is a boundary like any other: every line is checked
 * against these schemas before anything believes it.
 */
const fd = z
  .number()
  .int()
  .min(-1)
  .max(1 << 24); // MAX_FD, below
const fds = z.array(fd).max(1 << 20);
const text = (max: number) => z.string().max(max);
const name = text(200);

export const shimEventSchema = z.discriminatedUnion('ev', [
  z.object({ ev: z.literal('hello'), pid: z.number().int(), python: text(40) }),
  z.object({
    ev: z.literal('listen'),
    fd,
    host: text(300),
    port: z.number().int().min(0).max(65535),
    backlog: z.number().int().nullable(),
  }),
  z.object({
    ev: z.literal('select'),
    api: z.enum(['select', 'poll', 'epoll']),
    r: fds,
    w: fds,
    x: fds,
    at: z.tuple([text(4096), z.number().int()]).nullable(),
  }),
  z.object({
    ev: z.literal('probe'),
    r: fds.optional(),
    w: fds.optional(),
    x: fds.optional(),
    exc: name.optional(),
  }),
  z.object({ ev: z.literal('ready'), r: fds, w: fds, x: fds }),
  z.object({ ev: z.literal('accept'), fd, new: fd, peer: z.tuple([text(300), z.number().int()]) }),
  z.object({ ev: z.literal('recv'), fd, size: z.number().int(), n: z.number().int().min(0) }),
  z.object({ ev: z.literal('send'), fd, size: z.number().int().min(0), n: z.number().int().min(0) }),
  z.object({
    ev: z.literal('raise'),
    call: z.enum(['select', 'poll', 'epoll', 'accept', 'recv', 'send', 'sendall']),
    fd,
    exc: name,
    errno: name,
    msg: text(4096),
  }),
  z.object({ ev: z.literal('close'), fd }),
  z.object({ ev: z.literal('crash'), exc: name, msg: text(16_384), traceback: text(65_536) }),
]);

export type ShimEvent = z.infer<typeof shimEventSchema>;

const MAX_FD = 1 << 24;
const isFd = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= -1 && (v as number) <= MAX_FD;
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/**
 * A line's event, checked: recv and send — most of what a busy loop says — by hand, exactly as
 * their schemas above would check them (a zod parse per call cost the traced program's rate
 * measurably); everything else by the schemas. An error when it is not the tracer's.
 */
export function parseShimEvent(value: unknown): { event: ShimEvent } | { error: string } {
  if (typeof value === 'object' && value !== null) {
    const { ev, fd, size, n } = value as Record<string, unknown>;
    if (
      (ev === 'recv' || ev === 'send') &&
      isFd(fd) &&
      Number.isInteger(size) &&
      (ev === 'recv' || isCount(size)) &&
      isCount(n)
    )
      return { event: { ev, fd, size: size as number, n } };
  }
  const parsed = shimEventSchema.safeParse(value);
  return parsed.success ? { event: parsed.data } : { error: parsed.error.issues[0]?.message ?? 'invalid' };
}

/** What the lab says to the tracer: run the select() it waits at, ask what it would return, or stop waiting. */
export type ShimCommand = 'go' | 'probe' | 'run' | 'step';

/** A line longer than this is not the tracer talking: the channel is closed. */
export const MAX_LINE = 256 * 1024;
