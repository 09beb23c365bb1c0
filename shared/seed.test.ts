import { describe, expect, it } from 'vitest';
import type { Action } from './engine';
import { formatAction } from './format';
import { SEED_LINES, seedLines } from './seed';

const line = (n: number): string => SEED_LINES[n - 1]?.trim() ?? '';

describe('seedLines', () => {
  it('points each action at the seed line that does it', () => {
    const cases: [Action, string][] = [
      [
        { kind: 'select', readable: [], writable: [], exceptional: [], phase: 'select' },
        'readable, writable, exceptional = select.select(inputs, outputs, inputs)',
      ],
      [
        { kind: 'accept', id: 1, fd: 4, peer: '127.0.0.1:1', phase: 'readable' },
        'connection, client_address = s.accept()',
      ],
      [{ kind: 'recv', id: 1, bytes: 5, phase: 'readable' }, 'data = s.recv(1024)'],
      [{ kind: 'put', id: 1, bytes: 5, phase: 'readable' }, 'message_queues[s].put(data)'],
      [{ kind: 'outputs-add', id: 1, phase: 'readable' }, 'outputs.append(s)'],
      [{ kind: 'get', id: 1, bytes: 5, phase: 'writable' }, 'next_msg = message_queues[s].get_nowait()'],
      [{ kind: 'send', id: 1, sent: 5, of: 5, phase: 'writable' }, 's.send(next_msg)'],
      [{ kind: 'outputs-remove', id: 1, reason: 'queue-empty', phase: 'writable' }, 'outputs.remove(s)'],
      [{ kind: 'inputs-remove', id: 1, phase: 'exceptional' }, 'inputs.remove(s)'],
      [{ kind: 'close', id: 1, reason: 'eof', phase: 'readable' }, 'del message_queues[s]'],
      [
        { kind: 'crash', id: 1, exception: 'KeyError', detail: '', phase: 'writable' },
        'next_msg = message_queues[s].get_nowait()',
      ],
    ];
    for (const [action, text] of cases)
      expect(seedLines(action).map(line), formatAction(action)).toContain(text);
  });

  it('tells the three outputs.remove(s) lines apart by phase', () => {
    const at = (phase: Action['phase']) =>
      seedLines({ kind: 'outputs-remove', id: 1, reason: 'closing', phase }).at(-1);
    expect(new Set([at('readable'), at('writable'), at('exceptional')]).size).toBe(3);
  });
});

describe('formatAction', () => {
  it('reads like the tutorial prints', () => {
    expect(formatAction({ kind: 'accept', id: 7, fd: 10, peer: '127.0.0.1:53211', phase: 'readable' })).toBe(
      'accept #7 (fd 10) from 127.0.0.1:53211',
    );
    expect(formatAction({ kind: 'send', id: 7, sent: 512, of: 1024, phase: 'writable' })).toBe(
      'send #7 512/1024 B',
    );
    expect(formatAction({ kind: 'outputs-remove', id: 7, reason: 'queue-empty', phase: 'writable' })).toBe(
      'outputs -= #7 (queue empty)',
    );
    expect(
      formatAction({
        kind: 'close',
        id: 7,
        reason: 'error',
        error: 'ECONNRESET',
        phase: 'readable',
      }),
    ).toBe('close #7 (error: ECONNRESET)');
    expect(
      formatAction({
        kind: 'raise',
        id: 7,
        call: 'recv',
        exception: 'ConnectionResetError',
        errno: 'ECONNRESET',
        phase: 'readable',
      }),
    ).toBe('recv #7 raises ConnectionResetError (ECONNRESET)');
  });
});
