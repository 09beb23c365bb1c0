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
    this.num(record.n);
    this.num(record.at);
    this.num(record.micros);
    this.num(record.fidelity === 'safe' ? 0 : 1);
    this.ids(record.inputs);
    this.ids(record.outputs);
    this.ids(record.sets.readable);
    this.ids(record.sets.writable);
    this.ids(record.sets.exceptional);
    this.num(record.actions.length);
    for (const action of record.actions) this.action(action);
    this.ids(record.after.inputs);
    this.ids(record.after.outputs);
    this.num(record.after.queues.length);
    for (const [id, messages, bytes] of record.after.queues) {
      this.num(id);
      this.num(messages);
      this.num(bytes);
    }
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
  private action(a: Action): void {
    // Internalized strings compare by pointer: cheaper than a keyed lookup per action.
    const phase = a.phase;
    const code =
      phase === 'readable' ? 1 : phase === 'writable' ? 2 : phase === 'select' ? 0 : phase === 'user' ? 4 : 3;
    switch (a.kind) {
      case 'select':
        this.num(K.select);
        this.num(code);
        this.ids(a.readable);
        this.ids(a.writable);
        this.ids(a.exceptional);
        return;
      case 'recv':
      case 'put':
      case 'get':
      case 'requeue':
        this.num(
          a.kind === 'recv' ? K.recv : a.kind === 'put' ? K.put : a.kind === 'get' ? K.get : K.requeue,
        );
        this.num(code);
        this.num(a.id);
        this.num(a.bytes);
        return;
      case 'send':
        this.num(K.send);
        this.num(code);
        this.num(a.id);
        this.num(a.sent);
        this.num(a.of);
        return;
      case 'outputs-add':
      case 'eof':
      case 'inputs-remove':
        this.num(a.kind === 'outputs-add' ? K['outputs-add'] : a.kind === 'eof' ? K.eof : K['inputs-remove']);
        this.num(code);
        this.num(a.id);
        return;
      case 'outputs-remove':
        // One per message echoed: its reason by number, not as a string.
        this.num(K['outputs-remove']);
        this.num(code);
        this.num(a.id);
        this.num(a.reason === 'queue-empty' ? 0 : 1);
        return;
      case 'skip':
        this.num(K.skip);
        this.num(code);
        this.num(a.id);
        this.str(a.reason);
        return;
      case 'accept':
        this.num(K.accept);
        this.num(code);
        this.num(a.id);
        this.num(a.fd);
        this.str(a.peer);
        return;
      case 'reject':
        this.num(K.reject);
        this.num(code);
        this.num(a.id);
        this.str(a.peer);
        this.num(a.limit);
        return;
      case 'close':
        this.num(K.close);
        this.num(code);
        this.num(a.id);
        this.str(a.reason);
        if (a.error === undefined) this.num(-1);
        else this.str(a.error);
        return;
      case 'raise':
        this.num(K.raise);
        this.num(code);
        this.num(a.id);
        this.str(a.call);
        this.str(a.exception);
        this.str(a.errno);
        return;
      case 'lost':
        this.num(K.lost);
        this.num(code);
        this.num(a.id);
        this.num(a.bytes);
        this.str(a.why);
        return;
      case 'crash':
        this.num(K.crash);
        this.num(code);
        this.num(a.id);
        this.str(a.exception);
        this.str(a.detail);
        return;
      case 'fd-setsize':
        this.num(K['fd-setsize']);
        this.num(code);
        this.num(a.id);
        this.num(a.fd);
        return;
      case 'backpressure':
        this.num(K.backpressure);
        this.num(code);
        this.num(a.id);
        this.num(a.on ? 1 : 0);
        this.str(a.reason);
        return;
      case 'user-close':
        this.num(K['user-close']);
        this.num(code);
        this.num(a.id);
        this.str(a.how);
        return;
      case 'halt':
        this.num(K.halt);
        this.num(code);
        this.num(a.id);
        this.str(a.reason);
        return;
      default: {
        // Every kind is written above: one the engine gains fails typecheck here.
        const unwritten: never = a;
        throw new Error(`No encoding for ${(unwritten as Action).kind}`);
      }
    }
  }

  private str(value: string): void {
    this.num(this.strings.push(value) - 1);
  }

  /**
   * A list of ids: its length and ids, or, when the engine handed the same array again (its
   * socket lists are frozen and shared until they change; select()'s sets are in the record
   * twice), `-1 - slot`: the list written from that slot of the ring of recent ones.
   */
  private ids(list: readonly SocketId[]): void {
    const recent = this.recent;
    for (let slot = 0; slot < RECENT_LISTS; slot++) {
      if (recent[slot] === list) return this.num(-1 - slot);
    }
    recent[this.nextSlot] = list;
    this.nextSlot = (this.nextSlot + 1) % RECENT_LISTS;
    this.num(list.length);
    for (const id of list) this.num(id);
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

  private num(value: number): void {
    this.numbers[this.length++] = value;
  }
}
