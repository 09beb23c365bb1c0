import { describe, expect, it } from 'vitest';
import { ok } from '../../../shared/result';
import { MAX_IN_FLIGHT } from '../../../shared/wire';
import { RequestBook, type Ticket } from './request-book';

const ticket = (value: ReturnType<RequestBook['open']>): Ticket => {
  if (!('id' in value)) throw new Error('expected a ticket');
  return value;
};

describe('the window request book', () => {
  it('holds no more requests than the server accepts: the next fails at once, clearly', async () => {
    const book = new RequestBook();
    const tickets = Array.from({ length: MAX_IN_FLIGHT }, () => ticket(book.open('snapshot')));
    expect(book.size).toBe(MAX_IN_FLIGHT);
    expect(book.open('step')).toEqual({
      ok: false,
      error: {
        code: 'BUSY',
        message: expect.stringMatching(/^step: this window already has 64 requests waiting/),
      },
    });
    // A reply (or the server's refusal) answers its own request, and frees its place.
    const refusal = { ok: false as const, error: { code: 'BUSY' as const, message: 'busy' } };
    book.settle(tickets[3]!.id, refusal);
    expect(await tickets[3]!.result).toEqual(refusal);
    book.settle(tickets[5]!.id, ok(5));
    expect(await tickets[5]!.result).toEqual(ok(5));
    expect(book.size).toBe(MAX_IN_FLIGHT - 2);
    expect('id' in book.open('step')).toBe(true);
  });

  it('answers each request once: a late or unknown reply is ignored; a dropped link fails the rest', async () => {
    const book = new RequestBook();
    const first = ticket(book.open('snapshot'));
    const second = ticket(book.open('snapshot'));
    book.settle(first.id, ok('first'));
    book.settle(first.id, ok('again'));
    book.settle(999, ok('unknown'));
    expect(await first.result).toEqual(ok('first'));
    book.failAll('The connection to the lab server closed.');
    expect(await second.result).toMatchObject({ ok: false, error: { code: 'TRANSPORT' } });
    expect(book.size).toBe(0);
  });
});
