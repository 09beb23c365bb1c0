import { describe, expect, it } from 'vitest';
import { record } from '../../../shared/fixtures';
import { logLines, logText } from './log-lines';

const history = [
  record(1, [
    { phase: 'select', kind: 'select', readable: [0], writable: [], exceptional: [] },
    { phase: 'readable', kind: 'accept', id: 1, fd: 4, peer: '127.0.0.1:40001' },
  ]),
  record(2, [
    { phase: 'select', kind: 'select', readable: [1], writable: [], exceptional: [] },
    { phase: 'readable', kind: 'recv', id: 1, bytes: 5 },
    { phase: 'user', kind: 'user-close', id: 2, how: 'reset' },
  ]),
];
const all = { search: '', socket: null, kind: null };

describe('the log', () => {
  it('lists every action newest first, each with its iteration', () => {
    expect(logLines(history, all).map((l) => l.text)).toEqual([
      '[2] you asked the server to reset #2 (RST: SO_LINGER 0, then s.close())',
      '[2] recv #1 5 B',
      '[2] select() -> readable=[#1] writable=[] exceptional=[]',
      '[1] accept #1 (fd 4) from 127.0.0.1:40001',
      '[1] select() -> readable=[#0] writable=[] exceptional=[]',
    ]);
  });

  it('filters by socket (select() counts for the sockets it returned), by kind and by text', () => {
    expect(logLines(history, { ...all, socket: 1 }).map((l) => l.n)).toEqual([2, 2, 1]);
    expect(logLines(history, { ...all, kind: 'recv' }).map((l) => l.text)).toEqual(['[2] recv #1 5 B']);
    expect(logLines(history, { ...all, search: 'ACCEPT' })).toHaveLength(1);
  });

  it('exports oldest first, one line per action with its time and phase', () => {
    const text = logText(logLines(history, { ...all, kind: 'recv' }));
    expect(text).toMatch(/^\d\d:\d\d:\d\d\.\d{3} \[2\] readable recv #1 5 B\n$/);
  });
});
