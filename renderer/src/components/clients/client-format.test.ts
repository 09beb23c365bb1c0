import { describe, expect, it } from 'vitest';
import { parseSize, sizeText, verificationText } from './client-format';

describe('client formats', () => {
  it('reads sizes with units and writes them back the same way', () => {
    expect(parseSize('1024')).toBe(1024);
    expect(parseSize('64K')).toBe(65536);
    expect(parseSize('1.5 MiB')).toBe(1572864);
    expect(parseSize('16m')).toBe(16 * 1024 * 1024);
    expect(parseSize('ten')).toBeNull();
    for (const n of [1, 256, 1024, 65536, 100 * 1024, 16 * 1024 * 1024])
      expect(parseSize(sizeText(n))).toBe(n);
  });

  it('says what verification found', () => {
    expect(verificationText({ state: 'mismatch', offset: 1234 })).toBe('mismatch at offset 1234');
    expect(verificationText({ state: 'lost', bytes: 512 })).toBe('512 B lost');
    expect(verificationText({ state: 'ok' })).toBe('verified');
  });
});
