// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseShimEvent, shimEventSchema } from './shim-events';

/** recv and send are checked by hand on the hot path: exactly as their schemas would check them. */
describe('parseShimEvent', () => {
  const values: unknown[] = [];
  for (const ev of ['recv', 'send', 'close', 'nonsense'])
    for (const fd of [-2, -1, 0, 7, 1 << 24, (1 << 24) + 1, 3.5, '4', null])
      for (const size of [-1, 0, 1024, 2.5, '1'])
        for (const n of [-1, 0, 5, 1.5, undefined]) values.push({ ev, fd, size, n });
  values.push(null, 42, 'recv', [], { ev: 'recv' }, { ev: 'send', fd: 4, size: 3, n: 3, extra: 'stripped' });

  it('accepts and refuses what the schema accepts and refuses, and gives the same event', () => {
    for (const value of values) {
      const byHand = parseShimEvent(value);
      const bySchema = shimEventSchema.safeParse(value);
      expect('event' in byHand, JSON.stringify(value)).toBe(bySchema.success);
      if ('event' in byHand && bySchema.success) expect(byHand.event).toEqual(bySchema.data);
    }
  });
});
