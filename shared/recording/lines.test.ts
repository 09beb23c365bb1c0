import { describe, expect, it } from 'vitest';
import { record } from '../fixtures';
import { DEFAULT_OPTIONS } from '../engine';
import { parseLine } from './lines';
import { RECORDING_FORMAT } from './format';

const good = record(7, [
  { phase: 'select', kind: 'select', readable: [1], writable: [], exceptional: [] },
  { phase: 'readable', kind: 'recv', id: 1, bytes: 5 },
]);
const withAction = (action: unknown): string =>
  JSON.stringify({ ...good, actions: [good.actions[0], action] });
/** A version 2 line: the record's places in order, with `actions` as given. */
const compact = (r: Omit<typeof good, 'actions'> & { actions: unknown[] }): string =>
  JSON.stringify([
    r.n,
    r.at,
    r.micros,
    r.fidelity,
    r.inputs,
    r.outputs,
    r.sets.readable,
    r.sets.writable,
    r.sets.exceptional,
    r.actions,
    r.after.inputs,
    r.after.outputs,
    r.after.queues,
  ]);
const header = {
  type: 'header',
  format: RECORDING_FORMAT,
  version: 2,
  lab: '0.1.0',
  producer: 'engine',
  startedAt: 1,
  snapshotEvery: 500,
  options: DEFAULT_OPTIONS,
  fidelity: 'safe',
  server: { state: 'listening', host: '127.0.0.1', port: 5, address: '127.0.0.1:5', error: null },
};

describe('one line of a recording: accepted as the engine writes it, refused naming the line and the field', () => {
  it('accepts an iteration record and a header', () => {
    expect(parseLine(JSON.stringify(good), 3)).toEqual({
      ok: true,
      value: { type: 'iteration', record: good },
    });
    expect(parseLine(JSON.stringify(header), 1)).toMatchObject({ ok: true, value: { type: 'header' } });
    expect(parseLine('   ', 4)).toEqual({ ok: true, value: null });
  });

  const refused: [string, string, RegExp][] = [
    ['not JSON', '{"n": 1,', /^Line 12 is not JSON \(/],
    ['JSON, neither an object nor an array', '"hello"', /^Line 12 is JSON but not an object: "hello"\.$/],
    [
      'an array too short for an iteration',
      '[1, 2]',
      /^Line 12 is not a valid iteration record: an iteration array has 13 places \(n, at, .*\), not 2\.$/,
    ],
    [
      'an array action of an unknown kind',
      compact({
        ...good,
        actions: [
          [0, 0, [1], [], []],
          [99, 1, 1, 5],
        ],
      }),
      /^Line 12 is not a valid iteration record: actions\[1\]: unknown action kind code 99\.$/,
    ],
    [
      'an array action of the wrong length',
      compact({ ...good, actions: [[3, 1, 1]] }),
      /^Line 12 is not a valid iteration record: actions\[0\]: a recv action has 2 fields \(id, bytes\), not 1\.$/,
    ],
    [
      'an array action whose value is of the wrong type',
      compact({ ...good, actions: [[3, 1, 1, 'five']] }),
      /^Line 12 is not a valid iteration record: actions\[0\]\.bytes: expected number, received string \(found "five"\)\.$/,
    ],
    ['an unknown line type', '{"type":"movie"}', /^Line 12 has an unknown type "movie"\.$/],
    [
      'an unknown action',
      withAction({ phase: 'readable', kind: 'recvv', id: 1 }),
      /^Line 12 is not a valid iteration record: actions\[1\]\.kind: unknown action kind "recvv"\.$/,
    ],
    [
      'a field of the wrong type',
      withAction({ phase: 'readable', kind: 'recv', id: 1, bytes: 'five' }),
      /^Line 12 is not a valid iteration record: actions\[1\]\.bytes: expected number, received string \(found "five"\)\.$/,
    ],
    [
      'a missing field',
      JSON.stringify({ ...good, micros: undefined }),
      /^Line 12 is not a valid iteration record: micros: missing \(expected number\)\.$/,
    ],
    [
      'a field no record has',
      withAction({ phase: 'readable', kind: 'recv', id: 1, bytes: 5, payload: 'aGk=' }),
      /^Line 12 is not a valid iteration record: actions\[1\]: unexpected field "payload"\.$/,
    ],
    [
      'a socket id that is not one',
      JSON.stringify({ ...good, inputs: [0, 1.5] }),
      /^Line 12 is not a valid iteration record: inputs\[1\]: must be a socket id \(a whole number, 0 or more\) \(found 1\.5\)\.$/,
    ],
    [
      'a negative byte count',
      withAction({ phase: 'readable', kind: 'put', id: 1, bytes: -5 }),
      /^Line 12 is not a valid iteration record: actions\[1\]\.bytes: .*>=0 \(found -5\)\.$/,
    ],
    [
      'a header of another format',
      JSON.stringify({ ...header, format: 'har' }),
      /^Line 12 is not a valid recording header: format: .*\(found "har"\)\.$/,
    ],
  ];
  for (const [what, text, message] of refused) {
    it(`refuses ${what}`, () => {
      const parsed = parseLine(text, 12);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error.code).toBe('BAD_RECORDING');
        expect(parsed.error.message).toMatch(message);
      }
    });
  }

  it('reads a version 2 line, the record as an array, as the same record', () => {
    const line = compact({
      ...good,
      actions: [
        [0, 0, [1], [], []],
        [3, 1, 1, 5],
        [7, 2, 1, 0],
        [9, 2, 1, 'eof', null],
        [9, 2, 2, 'error', 'ECONNRESET'],
        [18, 1, 1, true, 'queue-cap'],
      ],
    });
    expect(parseLine(line, 3)).toEqual({
      ok: true,
      value: {
        type: 'iteration',
        record: {
          ...good,
          actions: [
            good.actions[0],
            good.actions[1],
            { phase: 'writable', kind: 'outputs-remove', id: 1, reason: 'queue-empty' },
            { phase: 'writable', kind: 'close', id: 1, reason: 'eof' },
            { phase: 'writable', kind: 'close', id: 2, reason: 'error', error: 'ECONNRESET' },
            { phase: 'readable', kind: 'backpressure', id: 1, on: true, reason: 'queue-cap' },
          ],
        },
      },
    });
  });

  it('refuses a newer format version before reading its fields, and says what to do', () => {
    const newer = JSON.stringify({ ...header, version: 3, lab: '0.9.0', options: 'changed in v3' });
    expect(parseLine(newer, 1)).toEqual({
      ok: false,
      error: {
        code: 'BAD_RECORDING',
        message:
          'This is a version 3 recording (written by Socket Lab 0.9.0); this Socket Lab reads version 2. Update Socket Lab to open it.',
      },
    });
  });
});
