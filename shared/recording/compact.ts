/**
 * A recording's iteration line in format version 2: the engine's `IterationRecord` as a JSON
 * array, each action an array of codes and values in the order of the tables below
 * (docs/recording-format.md says the same in words):
 *
 *   [n, at, micros, fidelity, inputs, outputs, readable, writable, exceptional,
 *    [[kind, phase, ...fields], ...], after.inputs, after.outputs, after.queues]
 *
 * A version 1 line spelled every key of every action; that was three quarters of the text the
 * recording's thread wrote and compressed. The reader turns either back into the same record,
 * which the schema then checks (lines.ts), so nothing downstream knows which it was.
 */
import type { Action, ActionKind } from '../engine';
import { fail, ok, type Result } from '../result';

/** A number, a list of ids, a string (or an optional one), a boolean, or one of a few words by index. */
export type Field = 'n' | 'ids' | 's' | 'b' | 's?' | readonly string[];
const OUTPUTS_REMOVE_REASONS = ['queue-empty', 'closing'] as const;
type Body<K extends ActionKind> = Omit<Extract<Action, { kind: K }>, 'kind' | 'phase'>;
type Fields<K extends ActionKind> = readonly { [F in keyof Body<K>]-?: [F, Field] }[keyof Body<K>][];

/** Each action's fields, in the engine's own order: a kind added to the engine fails typecheck here. */
export const FIELDS: { [K in ActionKind]: Fields<K> } = {
  select: [
    ['readable', 'ids'],
    ['writable', 'ids'],
    ['exceptional', 'ids'],
  ],
  accept: [
    ['id', 'n'],
    ['fd', 'n'],
    ['peer', 's'],
  ],
  reject: [
    ['id', 'n'],
    ['peer', 's'],
    ['limit', 'n'],
  ],
  recv: [
    ['id', 'n'],
    ['bytes', 'n'],
  ],
  put: [
    ['id', 'n'],
    ['bytes', 'n'],
  ],
  'outputs-add': [['id', 'n']],
  eof: [['id', 'n']],
  'outputs-remove': [
    ['id', 'n'],
    ['reason', OUTPUTS_REMOVE_REASONS],
  ],
  'inputs-remove': [['id', 'n']],
  close: [
    ['id', 'n'],
    ['reason', 's'],
    ['error', 's?'],
  ],
  raise: [
    ['id', 'n'],
    ['call', 's'],
    ['exception', 's'],
    ['errno', 's'],
  ],
  get: [
    ['id', 'n'],
    ['bytes', 'n'],
  ],
  send: [
    ['id', 'n'],
    ['sent', 'n'],
    ['of', 'n'],
  ],
  requeue: [
    ['id', 'n'],
    ['bytes', 'n'],
  ],
  lost: [
    ['id', 'n'],
    ['bytes', 'n'],
    ['why', 's'],
  ],
  crash: [
    ['id', 'n'],
    ['exception', 's'],
    ['detail', 's'],
  ],
  'fd-setsize': [
    ['id', 'n'],
    ['fd', 'n'],
  ],
  skip: [
    ['id', 'n'],
    ['reason', 's'],
  ],
  backpressure: [
    ['id', 'n'],
    ['on', 'b'],
    ['reason', 's'],
  ],
  'user-close': [
    ['id', 'n'],
    ['how', 's'],
  ],
  halt: [
    ['id', 'n'],
    ['reason', 's'],
  ],
};

/** The table read generically, by field name. */
export type AnyFields = readonly (readonly [string, Field])[];

export const KINDS = Object.keys(FIELDS) as ActionKind[];
export const KIND_CODE = Object.fromEntries(KINDS.map((kind, i) => [kind, i])) as Record<ActionKind, number>;
export const PHASES = ['select', 'readable', 'writable', 'exceptional', 'user'] as const;
export const FIDELITIES = ['safe', 'tutorial'] as const;

/** The line's thirteen places, by name, for the words of a problem. */
const PLACES = [
  'n',
  'at',
  'micros',
  'fidelity',
  'inputs',
  'outputs',
  'sets.readable',
  'sets.writable',
  'sets.exceptional',
  'actions',
  'after.inputs',
  'after.outputs',
  'after.queues',
];

/**
 * A version 2 line's array as the record object it stands for, for the schema to check. Only
 * its shape is checked here (places, codes); the values are the schema's.
 */
export function recordOfArray(line: readonly unknown[]): Result<unknown> {
  if (line.length !== PLACES.length)
    return fail(
      'BAD_RECORDING',
      `an iteration array has ${PLACES.length} places (${PLACES.join(', ')}), not ${line.length}`,
    );
  const [
    n,
    at,
    micros,
    fidelity,
    inputs,
    outputs,
    readable,
    writable,
    exceptional,
    actions,
    afterInputs,
    afterOutputs,
    queues,
  ] = line;
  if (!Array.isArray(actions)) return fail('BAD_RECORDING', 'actions: not an array');
  const decoded: unknown[] = [];
  for (const [index, action] of actions.entries()) {
    const one = actionOfArray(action);
    if (!one.ok) return fail('BAD_RECORDING', `actions[${index}]: ${one.error.message}`);
    decoded.push(one.value);
  }
  return ok({
    n,
    at,
    micros,
    fidelity,
    inputs,
    outputs,
    sets: { readable, writable, exceptional },
    actions: decoded,
    after: { inputs: afterInputs, outputs: afterOutputs, queues },
  });
}

function actionOfArray(action: unknown): Result<Record<string, unknown>> {
  if (!Array.isArray(action))
    return fail('BAD_RECORDING', `not an array (found ${JSON.stringify(action)?.slice(0, 40)})`);
  const [kindCode, phaseCode, ...values] = action as unknown[];
  const kind = typeof kindCode === 'number' ? KINDS[kindCode] : undefined;
  if (kind === undefined)
    return fail('BAD_RECORDING', `unknown action kind code ${JSON.stringify(kindCode)}`);
  const phase = typeof phaseCode === 'number' ? PHASES[phaseCode] : undefined;
  if (phase === undefined) return fail('BAD_RECORDING', `unknown phase code ${JSON.stringify(phaseCode)}`);
  const fields = FIELDS[kind] as AnyFields;
  if (values.length !== fields.length)
    return fail(
      'BAD_RECORDING',
      `a ${kind} action has ${fields.length} fields (${fields.map(([name]) => name).join(', ')}), not ${values.length}`,
    );
  const decoded: Record<string, unknown> = { phase, kind };
  for (const [f, [name, type]] of fields.entries()) {
    const value = values[f];
    if (Array.isArray(type)) {
      const word = typeof value === 'number' ? type[value] : undefined;
      if (word === undefined) return fail('BAD_RECORDING', `${name}: unknown code ${JSON.stringify(value)}`);
      decoded[name] = word;
    } else if (!(type === 's?' && value === null)) decoded[name] = value;
  }
  return ok(decoded);
}
