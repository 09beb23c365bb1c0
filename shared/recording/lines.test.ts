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
const header = {
  type: 'header',
  format: RECORDING_FORMAT,
  version: 1,
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
    ['JSON, not an object', '[1, 2]', /^Line 12 is JSON but not an object: \[1,2\]\.$/],
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

  it('refuses a newer format version before reading its fields, and says what to do', () => {
    const newer = JSON.stringify({ ...header, version: 2, lab: '0.9.0', options: 'changed in v2' });
    expect(parseLine(newer, 1)).toEqual({
      ok: false,
      error: {
        code: 'BAD_RECORDING',
        message:
          'This is a version 2 recording (written by Socket Lab 0.9.0); this Socket Lab reads version 1. Update Socket Lab to open it.',
      },
    });
  });
});
