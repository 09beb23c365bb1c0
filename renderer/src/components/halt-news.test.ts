import { describe, expect, it } from 'vitest';
import { describeSets, haltNews, type Halt } from './halt-news';

const halt = (n: number, returned: string | null, next: string | null): Halt => ({ n, returned, next });

describe('describeSets', () => {
  it('counts each set, leaving out the empty ones', () => {
    expect(describeSets({ readable: [1, 2], writable: [3], exceptional: [] })).toBe('2 readable, 1 writable');
    expect(describeSets({ readable: [], writable: [], exceptional: [4] })).toBe('1 exceptional');
    expect(describeSets({ readable: [], writable: [], exceptional: [] })).toBe('nothing');
  });
});

describe('haltNews', () => {
  it('says nothing unless halted', () => {
    expect(haltNews(null, null)).toBeNull();
    expect(haltNews(halt(3, '1 readable', 'nothing'), null)).toBeNull();
  });

  it('says what select() would return on halting', () => {
    expect(haltNews(null, halt(3, '1 readable', '1 readable'))).toBe(
      'Halted: select() would return 1 readable.',
    );
    expect(haltNews(null, halt(3, '1 readable', 'nothing'))).toBe(
      'Halted: nothing is ready: select() would block.',
    );
  });

  it('after a Step: what select() returned, then what the next one would', () => {
    expect(
      haltNews(halt(3, '1 readable', '1 readable'), halt(4, '2 readable, 1 writable', '1 writable')),
    ).toBe('Iteration 4: select() returned 2 readable, 1 writable. Next, select() would return 1 writable.');
  });

  it('while halted, only when the counts change, not per socket', () => {
    const was = halt(4, '1 readable', '1 writable');
    expect(haltNews(was, halt(4, '1 readable', '1 readable, 1 writable'))).toBe(
      'Now select() would return 1 readable, 1 writable.',
    );
    expect(haltNews(was, halt(4, '1 readable', '1 writable'))).toBeNull();
  });

  it('leaves a Step action to the code panel until the iteration ends', () => {
    expect(haltNews(halt(4, '1 readable', '1 readable'), halt(4, '1 readable', null))).toBeNull();
  });
});

describe('the user’s own Close or Reset', () => {
  it('is said as what the user did, not as a select() that returned nothing', () => {
    const was = { n: 4, returned: '1 readable', next: '1 writable' };
    const now = { n: 5, returned: 'nothing', next: 'nothing', user: 'You asked the server to close #1' };
    expect(haltNews(was, now)).toBe(
      'You asked the server to close #1. Next, nothing is ready: select() would block.',
    );
  });
});
