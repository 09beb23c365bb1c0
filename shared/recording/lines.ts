/**
 * One line of a recording (or of a `--log jsonl` file), parsed and validated, or what is
 * wrong with it in words that name the line and the field.
 */
import type { z } from 'zod';
import type { IterationRecord } from '../engine';
import { fail, ok, type Result } from '../result';
import { recordOfArray } from './compact';
import { RECORDING_FORMAT, RECORDING_VERSION, type RecordingLine } from './format';
import { endLineSchema, headerSchema, iterationSchema, snapshotLineSchema } from './schema';

/** `actions[3].kind`: a zod path as a reader of the JSON would write it. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** The value at `path` inside `value`, to quote what was found. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

const quote = (value: unknown): string => (JSON.stringify(value) ?? String(value)).slice(0, 60);

/** The first problem zod found, as "field: what is wrong". */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const field = fieldOf(issue.path);
  const found = valueAt(input, issue.path);
  let what: string;
  if (issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator') {
    what = `unknown action kind ${quote(found)}`;
  } else if (issue.code === 'unrecognized_keys') {
    what = `unexpected field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(quote).join(', ')}`;
  } else if (issue.code === 'invalid_type' && found === undefined) {
    what = `missing (expected ${issue.expected})`;
  } else {
    what = `${issue.message.replace(/^Invalid input: /, '')} (found ${quote(found)})`;
  }
  return field ? `${field}: ${what}` : what;
}

function validated<T>(schema: z.ZodType<T>, value: unknown, line: number, what: string): Result<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const detail = issue ? describeIssue(issue, value) : 'invalid';
  return fail('BAD_RECORDING', `Line ${line} is not a valid ${what}: ${detail}.`);
}

/** Why a header is one this reader must not follow: a newer format version (checked before its fields, which may have changed). */
function newerVersion(header: { format?: unknown; version?: unknown; lab?: unknown }): string | null {
  if (header.format !== RECORDING_FORMAT || typeof header.version !== 'number') return null;
  if (header.version <= RECORDING_VERSION) return null;
  const by = typeof header.lab === 'string' ? ` (written by Socket Lab ${header.lab.slice(0, 20)})` : '';
  return `This is a version ${header.version} recording${by}; this Socket Lab reads version ${RECORDING_VERSION}. Update Socket Lab to open it.`;
}

/** Parses one line's JSON; `null` for a blank line. */
export function parseJson(text: string, line: number): Result<unknown> {
  if (text.trim() === '') return ok(null);
  try {
    return ok(JSON.parse(text));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail('BAD_RECORDING', `Line ${line} is not JSON (${why.slice(0, 120)}).`);
  }
}

/** A version 2 iteration line (an array) as its record, validated. */
function iterationOfArray(value: readonly unknown[], line: number): Result<RecordingLine> {
  const decoded = recordOfArray(value);
  if (!decoded.ok)
    return fail('BAD_RECORDING', `Line ${line} is not a valid iteration record: ${decoded.error.message}.`);
  const record = validated<IterationRecord>(iterationSchema, decoded.value, line, 'iteration record');
  return record.ok ? ok({ type: 'iteration', record: record.value }) : record;
}

/** A line's JSON as one of the recording's lines, validated. */
export function toLine(value: unknown, line: number): Result<RecordingLine> {
  if (Array.isArray(value)) return iterationOfArray(value, line);
  if (typeof value !== 'object' || value === null) {
    return fail('BAD_RECORDING', `Line ${line} is JSON but not an object: ${quote(value)}.`);
  }
  const type = (value as { type?: unknown }).type;
  switch (type) {
    case 'header': {
      const newer = newerVersion(value as { format?: unknown; version?: unknown; lab?: unknown });
      return newer ? fail('BAD_RECORDING', newer) : validated(headerSchema, value, line, 'recording header');
    }
    case 'snapshot':
      return validated(snapshotLineSchema, value, line, 'snapshot');
    case 'end':
      return validated(endLineSchema, value, line, 'end line');
    case undefined: {
      const record = validated<IterationRecord>(iterationSchema, value, line, 'iteration record');
      return record.ok ? ok({ type: 'iteration', record: record.value }) : record;
    }
    default:
      return fail('BAD_RECORDING', `Line ${line} has an unknown type ${quote(type)}.`);
  }
}

/** Parses and validates one line. */
export function parseLine(text: string, line: number): Result<RecordingLine | null> {
  const json = parseJson(text, line);
  if (!json.ok || json.value === null) return json as Result<null>;
  return toLine(json.value, line);
}
