/**
 * The recording's schema: what a line may hold, checked on read. Types vanish at a file
 * boundary as at a socket: a file is validated here, line by line, before the lab uses it.
 * Every schema is tied to its TypeScript type both ways (see the `satisfies` and the
 * assignments at the end), so an action the engine gains and this file lacks fails typecheck.
 */
import { z } from 'zod';
import { breakpointSchema } from '../breakpoints';
import { optionsSchema } from '../contract';
import type { Action, EngineSnapshot, IterationRecord } from '../engine';
import { RECORDING_FORMAT, type EndLine, type RecordingHeader, type SnapshotLine } from './format';

const id = z.number().int().min(0);
const isId = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;
/**
 * A list of socket ids, checked in one pass: a record holds several, each as long as inputs
 * (1,001 ids at 1,000 connections), and a check per element was half of reading a recording.
 */
const ids = z
  .custom<number[]>((value) => Array.isArray(value), { error: 'must be a list of socket ids' })
  .superRefine((list, ctx) => {
    const at = list.findIndex((value) => !isId(value));
    if (at >= 0)
      ctx.addIssue({
        code: 'custom',
        path: [at],
        input: list[at],
        message: 'must be a socket id (a whole number, 0 or more)',
      });
  });
const count = z.number().int().min(0);
/** Wall-clock milliseconds since the epoch. */
const time = z.number().min(0);
const fidelity = z.enum(['safe', 'tutorial']);
const phase = z.enum(['select', 'readable', 'writable', 'exceptional', 'user']);
const socketException = z.enum([
  'ConnectionResetError',
  'BrokenPipeError',
  'ConnectionAbortedError',
  'TimeoutError',
  'OSError',
]);

/** Any exception a watched program raised or died of, by its Python name (`KeyError`, `ssl.SSLError`), as the tracer's channel allows it. */
const exceptionName = z.string().min(1).max(200);

const sets = { readable: ids, writable: ids, exceptional: ids };
const action = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.strictObject({ kind: z.literal(kind), phase, ...shape });

export const actionSchema = z.discriminatedUnion('kind', [
  action('select', sets),
  action('accept', { id, fd: count, peer: z.string().max(300) }),
  action('reject', { id, peer: z.string().max(300), limit: count }),
  action('recv', { id, bytes: count }),
  action('put', { id, bytes: count }),
  action('outputs-add', { id }),
  action('eof', { id }),
  action('outputs-remove', { id, reason: z.enum(['queue-empty', 'closing']) }),
  action('inputs-remove', { id }),
  action('close', {
    id,
    reason: z.enum(['eof', 'exceptional', 'flushed', 'error', 'program', 'user']),
    error: z.string().max(100).optional(),
  }),
  action('raise', {
    id,
    call: z.enum(['recv', 'send', 'accept', 'select']),
    exception: z.union([socketException, exceptionName]),
    errno: z.string().max(100),
  }),
  action('get', { id, bytes: count }),
  action('send', { id, sent: count, of: count }),
  action('requeue', { id, bytes: count }),
  action('lost', { id, bytes: count, why: z.enum(['partial-send', 'queue-dropped']) }),
  action('crash', {
    id,
    exception: z.union([z.enum(['KeyError', 'ValueError']), socketException, exceptionName]),
    detail: z.string().max(1000),
  }),
  action('fd-setsize', { id, fd: count }),
  action('skip', { id, reason: z.literal('closed-earlier') }),
  action('backpressure', { id, on: z.boolean(), reason: z.enum(['queue-cap', 'total-cap']) }),
  action('user-close', { id, how: z.enum(['close', 'reset']) }),
  action('halt', { id, reason: z.string().max(1000) }),
]);

const setsSchema = z.strictObject(sets);

export const iterationSchema = z.strictObject({
  n: z.number().int().min(1),
  at: time,
  micros: count,
  fidelity,
  inputs: ids,
  outputs: ids,
  sets: setsSchema,
  actions: z.array(actionSchema),
  after: z.strictObject({
    inputs: ids,
    outputs: ids,
    queues: z.array(z.tuple([id, count, count])),
  }),
});

const serverSchema = z.strictObject({
  state: z.enum(['stopped', 'starting', 'listening', 'crashed']),
  host: z.string().max(300),
  port: z.number().int().min(0).max(65535),
  address: z.string().max(300).nullable(),
  error: z.string().max(10_000).nullable(),
});

const connectionSchema = z.strictObject({
  id,
  fd: count,
  peer: z.string().max(300),
  queuedMessages: count,
  queuedBytes: count,
  bytesIn: count,
  bytesOut: count,
  bytesLost: count,
  recvBuffered: count,
  sendBuffered: count,
  eof: z.boolean(),
  readClosed: z.boolean(),
  error: z.string().max(100).nullable(),
  backpressure: z.enum(['queue-cap', 'total-cap']).nullable(),
  openedAt: time,
});

/** A watched program (electron/tracer/): what it runs, its source for the code panel, how it ended. */
const programSchema = z.strictObject({
  argv: z.array(z.string().max(4096)).max(1000),
  pid: count.nullable(),
  file: z.strictObject({ path: z.string().max(4096), text: z.string().max(256 * 1024) }).nullable(),
  original: z.boolean(),
  api: z.enum(['select', 'poll', 'epoll']).nullable(),
  selectLine: count.nullable(),
  exit: z.string().max(1000).nullable(),
  traceback: z.string().max(65_536).nullable(),
  note: z.string().max(10_000).nullable(),
});

export const engineSnapshotSchema = z.strictObject({
  server: serverSchema,
  program: programSchema.nullable(),
  run: count,
  mode: z.enum(['run', 'slow', 'step']),
  fidelity,
  options: optionsSchema,
  iteration: count,
  inputs: ids,
  outputs: ids,
  lastSets: setsSchema.nullable(),
  pending: setsSchema.nullable(),
  cursor: z.strictObject({ iteration: count, done: count, sets: setsSchema }).nullable(),
  listener: z.strictObject({
    fd: count,
    backlog: count,
    queued: count,
    waiting: count,
    nextRetryAt: time.nullable(),
  }),
  connections: z.array(connectionSchema),
  // Run until (optional: absent from recordings made before it).
  breakpoint: breakpointSchema.nullable().optional(),
  halt: z
    .strictObject({ n: count, reason: z.string().max(1000), at: time })
    .nullable()
    .optional(),
  totals: z.strictObject({
    accepted: count,
    closed: count,
    bytesIn: count,
    bytesOut: count,
    bytesLost: count,
    crashes: count,
  }),
});

/** Messages one queue may list: no queue cap lets a real one hold more. */
export const MAX_QUEUE_MESSAGES = 1 << 20;

const queueSizes = z
  .array(z.tuple([z.number().int().min(1), z.number().int().min(1)]))
  .refine((runs) => runs.reduce((sum, [, n]) => sum + n, 0) <= MAX_QUEUE_MESSAGES, {
    message: `a queue of more than ${MAX_QUEUE_MESSAGES} messages`,
  });

export const snapshotLineSchema = z.strictObject({
  type: z.literal('snapshot'),
  engine: engineSnapshotSchema,
  queues: z.array(z.tuple([id, queueSizes])),
});

export const headerSchema = z.strictObject({
  type: z.literal('header'),
  format: z.literal(RECORDING_FORMAT),
  version: z.number().int().min(1),
  lab: z.string().max(100),
  producer: z.string().max(100),
  startedAt: time,
  snapshotEvery: z.number().int().min(1),
  options: optionsSchema,
  fidelity,
  server: serverSchema,
});

export const endLineSchema = z.strictObject({
  type: z.literal('end'),
  at: time,
  iteration: count,
  reason: z.enum(['stopped', 'server-stopped', 'server-crashed', 'quit', 'error']),
});

// Both ways: what a schema accepts is the type, and every value of the type passes the schema.
iterationSchema satisfies z.ZodType<IterationRecord>;
actionSchema satisfies z.ZodType<Action>;
engineSnapshotSchema satisfies z.ZodType<EngineSnapshot>;
snapshotLineSchema satisfies z.ZodType<SnapshotLine>;
headerSchema satisfies z.ZodType<RecordingHeader>;
endLineSchema satisfies z.ZodType<EndLine>;
export const everyActionFits = (a: Action): z.input<typeof actionSchema> => a;
export const everyRecordFits = (r: IterationRecord): z.input<typeof iterationSchema> => r;
export const everySnapshotFits = (s: EngineSnapshot): z.input<typeof engineSnapshotSchema> => s;
