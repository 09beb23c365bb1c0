/**
 * A recording's iteration lines (format version 2, shared/recording/compact.ts) written as
 * bytes straight from the numbers a RecordEncoder took, without building the record or a
 * string again. This is the disk thread's hot path: in version 1, with every key spelled out
 * and each line built as a string, it cost the thread four times what compressing did.
 */
import { FIDELITIES, FIELDS, KINDS, PHASES, type AnyFields } from '../../shared/recording/compact';
import { ascii, type JsonBytes } from './json-bytes';
import { RECENT_LISTS } from './record-codec';

/** `[kind,phase` for each phase and kind. */
const HEADS = PHASES.map((_, phase) => KINDS.map((_, kind) => ascii(`[${kind},${phase}`)));
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
const ONLY_NUMBERS = WRITE_AS.map((types) => (types.every((type) => type === NUMBER) ? types.length : -1));
const EMPTY = new Uint8Array(0);
const TRUE = ascii('true');
const FALSE = ascii('false');
const NULL = ascii('null');
const ACTIONS = ascii(',[');
const END = ascii(']]\n');
const COMMA = 0x2c;
const OPEN = 0x5b;
const CLOSE = 0x5d;
/** The most one number takes as text, with the comma before it. */
const NUMBER_BYTES = 25;
/**
 * Room reserved ahead: more than any run of writes between two reserves takes (an action
 * without its id lists and strings, which reserve their own, is under 150 bytes).
 */
const AHEAD = 256;

/** One slot of the ring of recent lists: the text written for it, `,[1,2,3]`. */
interface ListText {
  bytes: Uint8Array;
  length: number;
}

/**
 * Writes records' lines. It keeps the RecordEncoder's ring of recent lists (record-codec.ts),
 * as their text: a list sent again by reference is copied, not written digit by digit again.
 * The ring starts empty with each batch, as the encoder's does: a batch refers to no other, so
 * any disk thread can write it (writer.ts hands a starved thread's batches to another).
 */
export class RecordLines {
  private readonly recent: ListText[] = Array.from({ length: RECENT_LISTS }, () => ({
    bytes: new Uint8Array(256),
    length: 0,
  }));
  private nextSlot = 0;

  /** Writes each record's line (and its newline) to `text`, oldest first, and tells `line` each one's number. */
  write(numbers: Float64Array, strings: readonly string[], text: JsonBytes, line: (n: number) => void): void {
    this.nextSlot = 0;
    let at = 0;
    const num = (): number => numbers[at++] ?? 0;
    /** `,[1,2,3]`: a list of ids, after a comma. */
    const ids = (): void => {
      const count = num();
      if (count < 0) {
        const { bytes, length } = this.recent[-1 - count] as ListText;
        text.copy(bytes.subarray(0, length));
        text.reserve(AHEAD);
        return;
      }
      text.reserve(3 + count * NUMBER_BYTES + AHEAD);
      const start = text.length;
      text.byte(COMMA);
      text.byte(OPEN);
      for (let i = 0; i < count; i++) {
        if (i > 0) text.byte(COMMA);
        text.number(num());
      }
      text.byte(CLOSE);
      this.remember(text.bytes.subarray(start, text.length));
    };
    while (at < numbers.length) {
      const n = num();
      text.reserve(AHEAD);
      text.byte(OPEN);
      text.number(n);
      text.byte(COMMA);
      text.number(num()); // at
      text.byte(COMMA);
      text.number(num()); // micros
      text.raw(FIDELITY[num()] ?? (FIDELITY[0] as Uint8Array));
      for (let list = 0; list < 5; list++) ids(); // inputs, outputs, readable, writable, exceptional
      text.raw(ACTIONS);
      for (let left = num(), first = true; left > 0; left--, first = false) {
        const kind = num();
        const phase = num();
        text.reserve(AHEAD);
        if (!first) text.byte(COMMA);
        text.raw(HEADS[phase]?.[kind] ?? ascii(`[${kind},${phase}`));
        const numbers = ONLY_NUMBERS[kind] ?? -1;
        if (numbers >= 0) {
          // The kinds every message takes (recv, put, get, send…): numbers only.
          for (let f = 0; f < numbers; f++) {
            text.byte(COMMA);
            text.number(num());
          }
          text.byte(CLOSE);
          continue;
        }
        const types = WRITE_AS[kind] ?? EMPTY;
        for (let f = 0; f < types.length; f++) {
          const type = types[f];
          if (type === IDS) {
            ids();
            continue;
          }
          text.byte(COMMA);
          if (type === BOOLEAN) text.raw(num() === 1 ? TRUE : FALSE);
          else if (type === STRING) {
            const value = strings[num()];
            if (value === undefined) text.raw(NULL);
            else {
              text.string(value);
              text.reserve(AHEAD);
            }
          } else text.number(num()); // a number, or a word by its index
        }
        text.byte(CLOSE);
      }
      text.reserve(AHEAD);
      text.byte(CLOSE);
      ids(); // after.inputs
      ids(); // after.outputs
      const queues = num();
      text.reserve(3 + queues * 3 * NUMBER_BYTES + AHEAD);
      text.byte(COMMA);
      text.byte(OPEN);
      for (let i = 0; i < queues; i++) {
        if (i > 0) text.byte(COMMA);
        text.byte(OPEN);
        text.number(num());
        text.byte(COMMA);
        text.number(num());
        text.byte(COMMA);
        text.number(num());
        text.byte(CLOSE);
      }
      text.raw(END);
      line(n);
    }
  }

  private remember(list: Uint8Array): void {
    const slot = this.recent[this.nextSlot] as ListText;
    if (slot.bytes.length < list.length) slot.bytes = new Uint8Array(list.length * 2);
    slot.bytes.set(list);
    slot.length = list.length;
    this.nextSlot = (this.nextSlot + 1) % RECENT_LISTS;
  }
}
