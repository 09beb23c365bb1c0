import { describe, expect, it } from 'vitest';
import { bytesAsText } from './format';

describe('bytes as text', () => {
  it('shows UTF-8 as text and control characters as escapes', () => {
    expect(bytesAsText(new TextEncoder().encode('héllo\n€\t'))).toBe('héllo\\n€\\t');
  });

  it('escapes bytes that are not UTF-8 as \\xNN instead of a replacement character', () => {
    expect(bytesAsText(Uint8Array.from([0x68, 0xff, 0x69, 0xc3]))).toBe('h\\xffi\\xc3');
    expect(bytesAsText(Uint8Array.from([0xe2, 0x82, 0x41]))).toBe('\\xe2\\x82A');
    expect(bytesAsText(Uint8Array.from([0xc0, 0x80]))).toBe('\\xc0\\x80'); // overlong NUL
  });
});
