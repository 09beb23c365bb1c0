/**
 * Iteration records as a flat run of numbers (and a few strings), to hand them to the
 * recording's disk thread for almost nothing: writing a thousand numbers costs the engine's
 * thread a few microseconds, where JSON.stringify of the same record costs fifty (measured:
 * a 1 KiB × 100 ping-pong makes 14 KB records of 200 actions). The disk thread writes each
 * record's line straight from them (record-lines.ts), so the file holds the engine's records,
 * as they were. Actions go field by field in the order of shared/recording/compact.ts.
 */
import type { Action, IterationRecord, SocketId } from '../../shared/engine';
import { KIND_CODE } from '../../shared/recording/compact';

/** The kinds' codes, read by name where the kind is known. */
const K = KIND_CODE;

/** How many recent lists a repeated one is looked for among: a record holds ten, most the same as the last one's. */
export const RECENT_LISTS = 16;

/** Room for a batch (the writer sends at 200,000 numbers) and the record that passes it. */
const BUFFER_NUMBERS = 1 << 18;

/**
 * A buffer the disk thread reads in place: shared, not moved, so the writer still has the batch
 * to send to another thread if this one starves (writer.ts).
 */
const sharedNumbers = (length: number): Float64Array => new Float64Array(new SharedArrayBuffer(length * 8));

/** Numbers appended to a growing Float64Array, and strings to a list, until taken. */
export class RecordEncoder {
  private numbers = sharedNumbers(BUFFER_NUMBERS);
  private length = 0;
  /** Lists sent lately, by slot (RecordLines keeps the same ring, in the same order). */
  private readonly recent: (readonly SocketId[] | null)[] = new Array<null>(RECENT_LISTS).fill(null);
  private nextSlot = 0;
  /** Buffers of batches the file holds now: no batch allocates (or zeroes) two megabytes. */
  private readonly spare: Float64Array[] = [];
  private strings: string[] = [];
  records = 0;

  get size(): number {
    return this.length;
  }

  add(record: IterationRecord): void {
    this.reserve(record);
    const out = this.numbers;
    let at = this.length;
    out[at] = record.n;
    out[at + 1] = record.at;
    out[at + 2] = record.micros;
    out[at + 3] = record.fidelity === 'safe' ? 0 : 1;
    at = this.ids(out, at + 4, record.inputs);
    at = this.ids(out, at, record.outputs);
    at = this.ids(out, at, record.sets.readable);
    at = this.ids(out, at, record.sets.writable);
    at = this.ids(out, at, record.sets.exceptional);
    const { actions } = record;
    out[at++] = actions.length;
    for (let i = 0; i < actions.length; i++) at = this.action(out, at, actions[i] as Action);
    at = this.ids(out, at, record.after.inputs);
    at = this.ids(out, at, record.after.outputs);
    const { queues } = record.after;
    out[at++] = queues.length;
    for (const [id, messages, bytes] of queues) {
      out[at] = id;
      out[at + 1] = messages;
      out[at + 2] = bytes;
      at += 3;
    }
    this.length = at;
    this.records++;
  }

  /**
   * What was added since the last take, and a fresh start in another buffer: the numbers are
   * the caller's now (until it gives their buffer back to `recycle`).
   */
  take(): { numbers: Float64Array; strings: string[]; records: number } {
    const taken = {
      numbers: this.numbers.subarray(0, this.length),
      strings: this.strings,
      records: this.records,
    };
    // The next batch refers to none before it (RecordLines starts its ring afresh too).
    this.recent.fill(null);
    this.nextSlot = 0;
    this.numbers = this.spare.pop() ?? sharedNumbers(BUFFER_NUMBERS);
    this.length = 0;
    this.strings = [];
    this.records = 0;
    return taken;
  }

  /** A taken batch's buffer, to fill again (two are kept: one on its way, one being written). */
  recycle(numbers: Float64Array): void {
    if (this.spare.length < 2 && numbers.buffer.byteLength >= BUFFER_NUMBERS * 8)
      this.spare.push(new Float64Array(numbers.buffer));
  }

  /**
   * One action, written field by field in FIELDS' order. A switch with direct property reads,
   * not a walk of the table: this runs for every action the engine takes (measured: half the
   * cost of a generic walk), and RecordLines (record-lines.ts) reads it back by the table.
   */
  private action(out: Float64Array, at: number, a: Action): number {
    // Internalized strings compare by pointer: cheaper than a keyed lookup per action.
    const phase = a.phase;
    const code =
      phase === 'readable' ? 1 : phase === 'writable' ? 2 : phase === 'select' ? 0 : phase === 'user' ? 4 : 3;
    switch (a.kind) {
      case 'select':
        out[at++] = K.select;
        out[at++] = code;
        at = this.ids(out, at, a.readable);
        at = this.ids(out, at, a.writable);
        at = this.ids(out, at, a.exceptional);
        return at;
      case 'recv':
      case 'put':
      case 'get':
      case 'requeue':
        out[at++] =
          a.kind === 'recv' ? K.recv : a.kind === 'put' ? K.put : a.kind === 'get' ? K.get : K.requeue;
        out[at++] = code;
        out[at++] = a.id;
        out[at++] = a.bytes;
        return at;
      case 'send':
        out[at++] = K.send;
        out[at++] = code;
        out[at++] = a.id;
        out[at++] = a.sent;
        out[at++] = a.of;
        return at;
      case 'outputs-add':
      case 'eof':
      case 'inputs-remove':
        out[at++] =
          a.kind === 'outputs-add' ? K['outputs-add'] : a.kind === 'eof' ? K.eof : K['inputs-remove'];
        out[at++] = code;
        out[at++] = a.id;
        return at;
      case 'outputs-remove':
        // One per message echoed: its reason by number, not as a string.
        out[at++] = K['outputs-remove'];
        out[at++] = code;
        out[at++] = a.id;
        out[at++] = a.reason === 'queue-empty' ? 0 : 1;
        return at;
      case 'skip':
        out[at++] = K.skip;
        out[at++] = code;
        out[at++] = a.id;
        out[at++] = this.str(a.reason);
        return at;
      case 'accept':
        out[at++] = K.accept;
        out[at++] = code;
        out[at++] = a.id;
        out[at++] = a.fd;
        out[at++] = this.str(a.peer);
        return at;
      case 'reject':
        out[at++] = K.reject;
        out[at++] = code;
        out[at++] = a.id;
        out[at++] = this.str(a.peer);
        out[at++] = a.limit;
        return at;
      case 'close':
        out[at++] = K.close;
        out[at++] = code;
        out[at++] = a.id;
        out[at++] = this.str(a.reason);
        out[at++] = a.error === undefined ? -1 : this.str(a.error);
        return at;
      case 'raise':
        out[at++] = K.raise;
        out[at++] = code;
        out[at++] = a.id;
        out[at++] = this.str(a.call);
        out[at++] = this.str(a.exception);
        out[at++] = this.str(a.errno);
        return at;
      case 'lost':
        out[at++] = K.lost;
        out[at++] = code;
        out[at++] = a.id;
        out[at++] = a.bytes;
        out[at++] = this.str(a.why);
        return at;
      case 'crash':
        out[at++] = K.crash;
        out[at++] = code;
        out[at++] = a.id;
        out[at++] = this.str(a.exception);
        out[at++] = this.str(a.detail);
        return at;
      case 'fd-setsize':
        out[at++] = K['fd-setsize'];
        out[at++] = code;
        out[at++] = a.id;
        out[at++] = a.fd;
        return at;
      case 'backpressure':
        out[at++] = K.backpressure;
        out[at++] = code;
        out[at++] = a.id;
        out[at++] = a.on ? 1 : 0;
        out[at++] = this.str(a.reason);
        return at;
      case 'user-close':
        out[at++] = K['user-close'];
        out[at++] = code;
        out[at++] = a.id;
        out[at++] = this.str(a.how);
        return at;
      case 'halt':
        out[at++] = K.halt;
        out[at++] = code;
        out[at++] = a.id;
        out[at++] = this.str(a.reason);
        return at;
      default: {
        // Every kind is written above: one the engine gains fails typecheck here.
        const unwritten: never = a;
        throw new Error(`No encoding for ${(unwritten as Action).kind}`);
      }
    }
  }

  /** A string's index in the batch's list of strings. */
  private str(value: string): number {
    return this.strings.push(value) - 1;
  }

  /**
   * A list of ids: its length and ids, or, when the engine handed the same array again (its
   * socket lists are frozen and shared until they change; select()'s sets are in the record
   * twice), `-1 - slot`: the list written from that slot of the ring of recent ones.
   */
  private ids(out: Float64Array, at: number, list: readonly SocketId[]): number {
    const recent = this.recent;
    for (let slot = 0; slot < RECENT_LISTS; slot++) {
      if (recent[slot] === list) {
        out[at] = -1 - slot;
        return at + 1;
      }
    }
    recent[this.nextSlot] = list;
    this.nextSlot = (this.nextSlot + 1) % RECENT_LISTS;
    out[at++] = list.length;
    for (let i = 0; i < list.length; i++) out[at++] = list[i] as number;
    return at;
  }

  /** Room for the whole record, reckoned once, so writing a number needs no check. */
  private reserve(record: IterationRecord): void {
    const { inputs, outputs, sets, actions, after } = record;
    let need = 16 + inputs.length + outputs.length + after.inputs.length + after.outputs.length;
    need += sets.readable.length + sets.writable.length + sets.exceptional.length;
    need += after.queues.length * 3 + actions.length * 6;
    // select() opens an iteration, after at most a crash the check of FD_SETSIZE found.
    for (const action of actions.slice(0, 2))
      if (action.kind === 'select')
        need += action.readable.length + action.writable.length + action.exceptional.length;
    if (this.length + need <= this.numbers.length) return;
    const grown = sharedNumbers(Math.max(this.numbers.length * 2, this.length + need));
    grown.set(this.numbers.subarray(0, this.length));
    this.numbers = grown;
  }
}
