/**
 * JSON text written as bytes straight into one growing buffer: fragments made once, numbers
 * as their digits (by functions that take the buffer and a position, so a hot loop keeps both
 * in locals). For the recording's disk thread, where building each line as a string and
 * encoding it again cost four times what compressing it does.
 */
export class JsonBytes {
  bytes = Buffer.allocUnsafe(1 << 20);
  length = 0;

  /** Room for `need` more bytes: every write below assumes its caller reserved it. */
  reserve(need: number): void {
    if (this.length + need <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.length + need, this.bytes.length * 2));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }

  /** A fragment made by `ascii()`. Short ones, byte by byte: cheaper than a call to `set`. */
  raw(fragment: Uint8Array): void {
    const { bytes } = this;
    let at = this.length;
    for (let i = 0; i < fragment.length; i++) bytes[at++] = fragment[i] as number;
    this.length = at;
  }

  byte(code: number): void {
    this.bytes[this.length++] = code;
  }

  /** Any string, quoted and escaped as JSON.stringify does. Reserves its own room. */
  string(value: string): void {
    this.text(JSON.stringify(value));
  }

  /** Text as it is (a line of JSON made elsewhere), in UTF-8. Reserves its own room. */
  text(value: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.reserve(value.length * 3);
    this.length += this.bytes.write(value, this.length);
  }
}

/** A fragment of ASCII JSON, as bytes. */
export const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

const COMMA = 0x2c;
const OPEN = 0x5b;
/** The most one number takes as text, with the comma before it. */
export const NUMBER_BYTES = 25;

/** `,` and the digits of 0 to 9,999, eight bytes apart, and how many bytes each takes. */
const SMALL = 10_000;
const SMALL_TEXT = new Uint8Array(SMALL * 8);
const SMALL_WIDTH = new Uint8Array(SMALL);
for (let value = 0; value < SMALL; value++) {
  const text = `,${value}`;
  SMALL_WIDTH[value] = text.length;
  for (let i = 0; i < text.length; i++) SMALL_TEXT[value * 8 + i] = text.charCodeAt(i);
}

/**
 * `,value` at `at` in `out` (which has room for NUMBER_BYTES); where it ends. Ids, byte counts
 * and list lengths copy five bytes from the table, whatever their width: what follows
 * overwrites the rest.
 */
export function commaNumber(out: Uint8Array, at: number, value: number): number {
  if (value >= 0 && value < SMALL && (value | 0) === value) {
    const from = value * 8;
    out[at] = SMALL_TEXT[from] as number;
    out[at + 1] = SMALL_TEXT[from + 1] as number;
    out[at + 2] = SMALL_TEXT[from + 2] as number;
    out[at + 3] = SMALL_TEXT[from + 3] as number;
    out[at + 4] = SMALL_TEXT[from + 4] as number;
    return at + (SMALL_WIDTH[value] as number);
  }
  out[at] = COMMA;
  return largeNumber(out, at + 1, value);
}

/** `[value`: the first number of an array. */
export function openNumber(out: Uint8Array, at: number, value: number): number {
  const end = commaNumber(out, at, value);
  out[at] = OPEN;
  return end;
}

/** Any other number, as JSON.stringify writes it (at most 24 bytes). */
function largeNumber(out: Uint8Array, at: number, value: number): number {
  if (value >= 0 && value <= 0xffffffff && Number.isInteger(value)) {
    let width = 1;
    while (width < 10 && value >= (POWERS[width] as number)) width++;
    let end = at + width;
    const after = end;
    do {
      const rest = Math.floor(value / 10);
      out[--end] = 48 + value - rest * 10;
      value = rest;
    } while (value > 0);
    return after;
  }
  const text = Number.isFinite(value) ? String(value) : 'null';
  for (let i = 0; i < text.length; i++) out[at++] = text.charCodeAt(i);
  return at;
}

const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
