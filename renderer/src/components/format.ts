/** 1536 → "1.5 KiB": sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

const counts = new Intl.NumberFormat('en-US');

/** 12345 → "12,345" (one formatter: toLocaleString builds one per call). */
export const formatCount = (n: number): string => counts.format(n);

/** Base64 → bytes, without Node's Buffer. */
export function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function utf8Length(bytes: Uint8Array, i: number): number {
  const b = bytes[i] as number;
  const need =
    b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (need <= 1 || i + need > bytes.length) return need === 1 ? 1 : 0;
  const second = bytes[i + 1] as number;
  // No overlong forms, no surrogates, nothing past U+10FFFF (RFC 3629's table).
  const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
  const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
  if (second < low || second > high) return 0;
  for (let k = 2; k < need; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return 0;
  return need;
}

const hexByte = (b: number): string => `\\x${b.toString(16).padStart(2, '0')}`;

/**
 * Bytes as text: valid UTF-8 as its characters, control characters as escapes (so a newline
 * stays visible), and every byte that is not UTF-8 as \xNN, never as a replacement character.
 */
export function bytesAsText(bytes: Uint8Array): string {
  const decoder = new TextDecoder('utf-8');
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const n = utf8Length(bytes, i);
    if (n === 0) {
      out += hexByte(bytes[i] as number);
      i += 1;
      continue;
    }
    const c = n === 1 ? String.fromCharCode(bytes[i] as number) : decoder.decode(bytes.subarray(i, i + n));
    const code = c.charCodeAt(0);
    out += code < 0x20 || code === 0x7f ? (ESCAPES[c] ?? hexByte(code)) : c;
    i += n;
  }
  return out;
}

/** Bytes as spaced hex pairs. */
export const bytesAsHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
