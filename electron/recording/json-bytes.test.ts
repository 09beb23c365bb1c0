// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ascii, commaNumber, JsonBytes, NUMBER_BYTES, openNumber } from './json-bytes';

const written = (write: (text: JsonBytes) => void): string => {
  const text = new JsonBytes();
  text.reserve(64);
  write(text);
  return text.bytes.subarray(0, text.length).toString();
};

describe('JsonBytes writes what JSON.stringify does', () => {
  it('numbers, after a comma or opening an array: digits, the edges of the fast path, fractions, negatives, and what JSON has no word for', () => {
    const numbers = [0, -0, 7, 9, 10, 99, 100, 1024, 65_535, 1e9 - 1, 1e9, 4_294_967_295, 4_294_967_296];
    numbers.push(1_796_321_879_929, 2 ** 53, 1.5, 0.1, -3, -1024.25, 1e21, 5e-7, NaN, Infinity, -Infinity);
    for (const value of numbers) {
      const json = JSON.stringify(value);
      expect(written((t) => (t.length = commaNumber(t.bytes, t.length, value)))).toBe(`,${json}`);
      expect(written((t) => (t.length = openNumber(t.bytes, t.length, value)))).toBe(`[${json}`);
      expect(json.length + 1).toBeLessThanOrEqual(NUMBER_BYTES);
    }
  });

  it('strings: quotes, escapes, control characters and text beyond ASCII', () => {
    for (const value of [
      '',
      'peer 127.0.0.1:5000',
      'say "hi"\\',
      'tab\there\nline',
      '\u0001\u001f',
      'héllo ✓ 🙂',
    ])
      expect(written((t) => t.string(value))).toBe(JSON.stringify(value));
  });

  it('grows past its first megabyte without losing what it holds', () => {
    const text = new JsonBytes();
    const fragment = ascii('[1024,65535],');
    for (let i = 0; i < 100_000; i++) {
      text.reserve(fragment.length);
      text.raw(fragment);
    }
    expect(text.length).toBe(1_300_000);
    expect(text.bytes.subarray(text.length - 26, text.length).toString()).toBe('[1024,65535],[1024,65535],');
  });
});
