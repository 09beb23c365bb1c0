/**
 * JSON text written as bytes straight into one growing buffer: fragments made once, numbers
 * as their digits. For the recording's disk thread, where building each line as a string and
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

  /** A number as JSON.stringify writes it; at most 24 bytes. */
  number(value: number): void {
    if (value >= 0 && value < SMALL && Number.isInteger(value)) {
      // Most numbers are ids, byte counts and list lengths: their digits are copied from a table.
      const from = value * 4;
      const width = SMALL_WIDTH[value] as number;
      const { bytes } = this;
      for (let i = 0; i < width; i++) bytes[this.length++] = SMALL_DIGITS[from + i] as number;
      return;
    }
    if (value >= 0 && value <= 0xffffffff && Number.isInteger(value)) return this.digits(value);
    const text = Number.isFinite(value) ? String(value) : 'null';
    for (let i = 0; i < text.length; i++) this.bytes[this.length++] = text.charCodeAt(i);
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

  /** Bytes written before (copied out with `subarray`). Reserves its own room. */
  copy(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** A whole number from 0 to 2^32, digit by digit, last first. */
  private digits(value: number): void {
    let width = 1;
    while (width < 10 && value >= (POWERS[width] as number)) width++;
    const { bytes } = this;
    let at = (this.length += width);
    do {
      const rest = Math.floor(value / 10);
      bytes[--at] = 48 + value - rest * 10;
      value = rest;
    } while (value > 0);
  }
}

const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
/** The digits of 0 to 9,999, four bytes apart, and how many each has. */
const SMALL = 10_000;
const SMALL_DIGITS = new Uint8Array(SMALL * 4);
const SMALL_WIDTH = new Uint8Array(SMALL);
for (let value = 0; value < SMALL; value++) {
  const text = String(value);
  SMALL_WIDTH[value] = text.length;
  for (let i = 0; i < text.length; i++) SMALL_DIGITS[value * 4 + i] = text.charCodeAt(i);
}

/** A fragment of ASCII JSON, as bytes. */
export const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
