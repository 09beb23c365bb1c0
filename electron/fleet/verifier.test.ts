// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { StreamVerifier } from './verifier';
import { payload, randomCursor } from './payload';

/** Pushes `length` random bytes, in pieces of at most `piece` (one write per message, as clients do). */
const sent = (v: StreamVerifier, length: number, piece = length): Buffer => {
  const data = Buffer.concat(payload(randomCursor(), length).slices);
  for (let at = 0; at < length; at += piece) v.push(data.subarray(at, at + piece));
  return data;
};

describe('StreamVerifier', () => {
  it('verifies an echo split at arbitrary points', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.array(fc.integer({ min: 1, max: 3000 })),
        (size, cuts) => {
          const v = new StreamVerifier();
          const data = sent(v, size);
          let at = 0;
          for (const cut of cuts) {
            v.receive(data.subarray(at, Math.min(size, at + cut)));
            at = Math.min(size, at + cut);
          }
          v.receive(data.subarray(at));
          expect(v.verification()).toEqual({ state: 'ok' });
          expect(v.verified).toBe(size);
          expect(v.outstanding).toBe(0);
        },
      ),
    );
  });

  it('counts dropped ranges as lost, however the echo is chunked', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ keep: fc.integer({ min: 8, max: 2000 }), drop: fc.integer({ min: 0, max: 2000 }) }),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        fc.integer({ min: 1, max: 1500 }),
        fc.integer({ min: 1, max: 3000 }),
        (plan, chunk, piece) => {
          const v = new StreamVerifier();
          const total = plan.reduce((sum, p) => sum + p.keep + p.drop, 0);
          const data = sent(v, total, piece);
          const kept: Buffer[] = [];
          let at = 0;
          for (const p of plan) {
            kept.push(data.subarray(at, at + p.keep));
            at += p.keep + p.drop;
          }
          const echo = Buffer.concat(kept);
          for (let i = 0; i < echo.length; i += chunk) v.receive(echo.subarray(i, i + chunk));
          v.finish();
          const dropped = plan.reduce((sum, p) => sum + p.drop, 0);
          expect(v.lost).toBe(dropped);
          expect(v.verified).toBe(echo.length);
          expect(v.verification()).toEqual(dropped ? { state: 'lost', bytes: dropped } : { state: 'ok' });
        },
      ),
    );
  });

  it('counts a gap as lost even when the bytes after it match the dropped ones by chance', () => {
    const v = new StreamVerifier();
    const data = Buffer.from(sent(v, 316));
    // Kept: 0-99, 150-157, 208-315. The first kept byte after the gap equals the first dropped one.
    data[150] = data[100]!;
    if (data[151] === data[101]) data[151] = data[151]! ^ 0xff;
    const fresh = new StreamVerifier();
    fresh.push(data);
    fresh.receive(Buffer.concat([data.subarray(0, 100), data.subarray(150, 158), data.subarray(208)]));
    fresh.finish();
    expect(fresh.verification()).toEqual({ state: 'lost', bytes: 100 });
  });

  it('waits for more bytes when a gap may start at a chance match and the echo chunk ends too soon to tell', () => {
    const v = new StreamVerifier();
    const data = Buffer.from(sent(v, 316));
    data[150] = data[100]!;
    if (data[151] === data[101]) data[151] = data[151]! ^ 0xff;
    const fresh = new StreamVerifier();
    fresh.push(data);
    const echo = Buffer.concat([data.subarray(0, 100), data.subarray(150, 158), data.subarray(208)]);
    // The chunk ends 4 bytes after the difference: not enough to see where the echo resumes.
    fresh.receive(echo.subarray(0, 105));
    fresh.receive(echo.subarray(105));
    fresh.finish();
    expect(fresh.verification()).toEqual({ state: 'lost', bytes: 100 });
    expect(fresh.verified).toBe(echo.length);
  });

  it('reports a changed byte as a mismatch at its offset', () => {
    const v = new StreamVerifier();
    const data = Buffer.from(sent(v, 5000));
    data[1234] = data[1234]! ^ 0xff;
    v.receive(data);
    expect(v.verification()).toEqual({ state: 'mismatch', offset: 1234 });
  });

  it('reports bytes never sent as a mismatch', () => {
    const v = new StreamVerifier();
    const data = sent(v, 10);
    v.receive(Buffer.concat([data, Buffer.from('extra')]));
    expect(v.verification()).toEqual({ state: 'mismatch', offset: 10 });
  });

  it('counts what never came back as lost when the server closes', () => {
    const v = new StreamVerifier();
    const data = sent(v, 3000);
    v.receive(data.subarray(0, 1000));
    v.finish();
    expect(v.verification()).toEqual({ state: 'lost', bytes: 2000 });
  });

  it('verifies text pushed beside random payloads (custom messages)', () => {
    const v = new StreamVerifier();
    const a = sent(v, 100);
    const text = Buffer.from('hello, select()');
    v.push(text);
    v.receive(Buffer.concat([a, text]));
    expect(v.verification()).toEqual({ state: 'ok' });
  });
});
