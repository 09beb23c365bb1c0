/**
 * A recording's iteration lines (format version 2, shared/recording/compact.ts) written as
 * bytes straight from the numbers a RecordEncoder took, without building the record or a
 * string again. This is the disk thread's hot path, and on a machine the engine and its
 * clients keep busy, every microsecond it takes is one they lose (measured: a recording's cost
 * in the bench follows the thread's CPU, idle priority or not). So it is written for speed:
 * the read and write positions live in locals, not in a closure or an object, the numbers
 * every message takes are written by one small function, and the rare shapes (id lists,
 * strings) leave the fast loop for methods of their own.
 */
import { FIDELITIES, FIELDS, KINDS, PHASES, type AnyFields } from '../../shared/recording/compact';
import { ascii, commaNumber, NUMBER_BYTES, openNumber, type JsonBytes } from './json-bytes';
import { RECENT_LISTS } from './record-codec';

/** `[kind,phase` for each phase and kind, at `phase * KINDS.length + kind`. */
const HEADS = PHASES.flatMap((_, phase) => KINDS.map((_, kind) => ascii(`[${kind},${phase}`)));
/** How each kind's fields are written, by a small number (cheaper to compare than the table's words). */
const NUMBER = 0;
const IDS = 1;
const BOOLEAN = 2;
const STRING = 3;
const WRITE_AS = KINDS.map((kind) =>
  Uint8Array.from(
    (FIELDS[kind] as AnyFields).map(([, type]) =>
      type === 'ids' ? IDS : type === 'b' ? BOOLEAN : type === 's' || type === 's?' ? STRING : NUMBER,
    ),
  ),
);
const FIDELITY = FIDELITIES.map((fidelity) => ascii(`,${JSON.stringify(fidelity)}`));
/** For a kind whose fields are all numbers (or words by number), how many; -1 for the others. */
const ONLY_NUMBERS = Int8Array.from(WRITE_AS, (types) =>
  types.every((type) => type === NUMBER) ? types.length : -1,
);
const TRUE = ascii('true');
const FALSE = ascii('false');
const NULL = ascii('null');
const ACTIONS = ascii(',[');
const END = ascii(']]\n');
const COMMA = 0x2c;
const OPEN = 0x5b;
const CLOSE = 0x5d;
/**
 * Room reserved ahead: more than any run of writes between two reserves takes (an action
 * without its id lists and strings, which reserve their own, is under 150 bytes).
 */
const AHEAD = 256;

/** Copies a fragment made by `ascii()`; short ones byte by byte, cheaper than a call to `set`. */
function fragment(out: Uint8Array, at: number, bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) out[at++] = bytes[i] as number;
  return at;
}

/**
 * Writes records' lines. It keeps the RecordEncoder's ring of recent lists (record-codec.ts)
 * as where their text is in the output: a list sent again by reference is copied from there,
 * not written digit by digit again. The ring starts empty with each batch, as the encoder's
 * does: a batch refers to no other, so any disk thread can write it (writer.ts hands a
 * starved thread's batches to another), and the text it refers to is this batch's, which
 * stays where it is while the batch is written (the buffer only grows).
 */
export class RecordLines {
  /** Where each slot's text `,[1,2,3]` starts in the output, and how long it is. */
  private readonly recentStart = new Int32Array(RECENT_LISTS);
  private readonly recentLength = new Int32Array(RECENT_LISTS);
  private nextSlot = 0;
  /** Where the slow paths below read next in the batch's numbers. */
  private at = 0;

  /** Writes each record's line (and its newline) to `text`, oldest first, and tells `line` each one's number. */
  write(numbers: Float64Array, strings: readonly string[], text: JsonBytes, line: (n: number) => void): void {
    this.nextSlot = 0;
    const kinds = KINDS.length;
    let at = 0;
    while (at < numbers.length) {
      const n = numbers[at] as number;
      text.reserve(AHEAD);
      let out: Uint8Array = text.bytes;
      let pos = text.length;
      pos = openNumber(out, pos, n);
      pos = commaNumber(out, pos, numbers[at + 1] as number); // at
      pos = commaNumber(out, pos, numbers[at + 2] as number); // micros
      pos = fragment(out, pos, FIDELITY[numbers[at + 3] as number] ?? (FIDELITY[0] as Uint8Array));
      text.length = pos;
      this.at = at + 4;
      for (let list = 0; list < 5; list++) this.ids(numbers, text); // inputs, outputs, readable, writable, exceptional
      at = this.at;
      text.reserve(AHEAD);
      out = text.bytes;
      pos = fragment(out, text.length, ACTIONS);
      for (let left = numbers[at++] as number, first = true; left > 0; left--, first = false) {
        const kind = numbers[at] as number;
        const phase = numbers[at + 1] as number;
        at += 2;
        if (pos + AHEAD > out.length) {
          text.length = pos;
          text.reserve(AHEAD);
          out = text.bytes;
        }
        if (!first) out[pos++] = COMMA;
        pos = fragment(out, pos, HEADS[phase * kinds + kind] ?? ascii(`[${kind},${phase}`));
        const count = ONLY_NUMBERS[kind] ?? -1;
        if (count >= 0) {
          // The kinds every message takes (recv, put, get, send…): numbers only.
          for (let f = 0; f < count; f++) pos = commaNumber(out, pos, numbers[at++] as number);
          out[pos++] = CLOSE;
          continue;
        }
        text.length = pos;
        this.at = at;
        this.fields(kind, numbers, strings, text);
        at = this.at;
        out = text.bytes;
        pos = text.length;
      }
      text.length = pos;
      text.reserve(AHEAD);
      text.byte(CLOSE);
      this.at = at;
      this.ids(numbers, text); // after.inputs
      this.ids(numbers, text); // after.outputs
      at = this.at;
      const queues = numbers[at++] as number;
      text.reserve(2 + queues * 4 * NUMBER_BYTES + AHEAD);
      out = text.bytes;
      pos = text.length;
      out[pos++] = COMMA;
      out[pos++] = OPEN;
      for (let i = 0; i < queues; i++) {
        if (i > 0) out[pos++] = COMMA;
        pos = openNumber(out, pos, numbers[at] as number);
        pos = commaNumber(out, pos, numbers[at + 1] as number);
        pos = commaNumber(out, pos, numbers[at + 2] as number);
        at += 3;
        out[pos++] = CLOSE;
      }
      text.length = fragment(out, pos, END);
      line(n);
    }
  }

  /** An action that is not all numbers (select's lists, strings, booleans), then its `]`. */
  private fields(kind: number, numbers: Float64Array, strings: readonly string[], text: JsonBytes): void {
    const types = WRITE_AS[kind] as Uint8Array;
    for (let f = 0; f < types.length; f++) {
      const type = types[f];
      if (type === IDS) {
        this.ids(numbers, text);
        continue;
      }
      const value = numbers[this.at++] as number;
      text.reserve(AHEAD);
      if (type === NUMBER) {
        text.length = commaNumber(text.bytes, text.length, value);
        continue;
      }
      text.byte(COMMA);
      if (type === BOOLEAN) text.raw(value === 1 ? TRUE : FALSE);
      else {
        const string = strings[value];
        if (string === undefined) text.raw(NULL);
        else text.string(string);
      }
    }
    text.reserve(AHEAD);
    text.byte(CLOSE);
  }

  /** `,[1,2,3]`: a list of ids, after a comma, or the text of a recent one it refers to. */
  private ids(numbers: Float64Array, text: JsonBytes): void {
    const count = numbers[this.at++] as number;
    if (count < 0) {
      const start = this.recentStart[-1 - count] as number;
      const length = this.recentLength[-1 - count] as number;
      text.reserve(length);
      text.bytes.copyWithin(text.length, start, start + length);
      text.length += length;
      return;
    }
    text.reserve(3 + count * NUMBER_BYTES + AHEAD);
    const out = text.bytes;
    const start = text.length;
    let at = this.at;
    let pos = start;
    out[pos++] = COMMA;
    if (count === 0) out[pos++] = OPEN;
    else {
      pos = openNumber(out, pos, numbers[at++] as number);
      for (let i = 1; i < count; i++) pos = commaNumber(out, pos, numbers[at++] as number);
    }
    out[pos++] = CLOSE;
    this.at = at;
    text.length = pos;
    const slot = this.nextSlot;
    this.recentStart[slot] = start;
    this.recentLength[slot] = pos - start;
    this.nextSlot = (slot + 1) % RECENT_LISTS;
  }
}
