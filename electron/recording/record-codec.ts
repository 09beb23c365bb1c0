/**
 * Iteration records as a flat run of numbers (and a few strings), to hand them to the
 * recording's disk thread for almost nothing: writing a thousand numbers costs the engine's
 * thread a few microseconds, where JSON.stringify of the same record costs fifty (measured:
 * a 1 KiB × 100 ping-pong makes 14 KB records of 200 actions). The disk thread writes each
 * record's JSON line straight from them (record-json.ts), so the file holds the engine's
 * records, as they were.
 */
import type { Action, ActionKind, IterationRecord, SocketId } from '../../shared/engine';

/** A number, a list of ids, a string (or an optional one), a boolean, or one of a few words by index. */
export type Field = 'n' | 'ids' | 's' | 'b' | 's?' | readonly string[];
const OUTPUTS_REMOVE_REASONS = ['queue-empty', 'closing'] as const;
type Body<K extends ActionKind> = Omit<Extract<Action, { kind: K }>, 'kind' | 'phase'>;
type Fields<K extends ActionKind> = readonly { [F in keyof Body<K>]-?: [F, Field] }[keyof Body<K>][];

/** Each action's fields, in the engine's own order: a kind added to the engine fails typecheck here. */
export const FIELDS: { [K in ActionKind]: Fields<K> } = {
  select: [
    ['readable', 'ids'],
    ['writable', 'ids'],
    ['exceptional', 'ids'],
  ],
  accept: [
    ['id', 'n'],
    ['fd', 'n'],
    ['peer', 's'],
  ],
  reject: [
    ['id', 'n'],
    ['peer', 's'],
    ['limit', 'n'],
  ],
  recv: [
    ['id', 'n'],
    ['bytes', 'n'],
  ],
  put: [
    ['id', 'n'],
    ['bytes', 'n'],
  ],
  'outputs-add': [['id', 'n']],
  eof: [['id', 'n']],
  'outputs-remove': [
    ['id', 'n'],
    ['reason', OUTPUTS_REMOVE_REASONS],
  ],
  'inputs-remove': [['id', 'n']],
  close: [
    ['id', 'n'],
    ['reason', 's'],
    ['error', 's?'],
  ],
  raise: [
    ['id', 'n'],
    ['call', 's'],
    ['exception', 's'],
    ['errno', 's'],
  ],
  get: [
    ['id', 'n'],
    ['bytes', 'n'],
  ],
  send: [
    ['id', 'n'],
    ['sent', 'n'],
    ['of', 'n'],
  ],
  requeue: [
    ['id', 'n'],
    ['bytes', 'n'],
  ],
  lost: [
    ['id', 'n'],
    ['bytes', 'n'],
    ['why', 's'],
  ],
  crash: [
    ['id', 'n'],
    ['exception', 's'],
    ['detail', 's'],
  ],
  'fd-setsize': [
    ['id', 'n'],
    ['fd', 'n'],
  ],
  skip: [
    ['id', 'n'],
    ['reason', 's'],
  ],
  backpressure: [
    ['id', 'n'],
    ['on', 'b'],
    ['reason', 's'],
  ],
  'user-close': [
    ['id', 'n'],
    ['how', 's'],
  ],
  halt: [
    ['id', 'n'],
    ['reason', 's'],
  ],
};

/** The table read generically, by field name. */
export type AnyFields = readonly (readonly [string, Field])[];

export const KINDS = Object.keys(FIELDS) as ActionKind[];
const KIND_CODE = Object.fromEntries(KINDS.map((kind, i) => [kind, i])) as Record<ActionKind, number>;
export const PHASES = ['select', 'readable', 'writable', 'exceptional', 'user'] as const;
/** The kinds' codes, read by name where the kind is known. */
const K = KIND_CODE;
export const FIDELITIES = ['safe', 'tutorial'] as const;

/** Numbers appended to a growing Float64Array, and strings to a list, until taken. */
export class RecordEncoder {
  private numbers = new Float64Array(1 << 16);
  private length = 0;
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

  /** What was added since the last take (a copy the caller may transfer), and a fresh start. */
  take(): { numbers: Float64Array; strings: string[]; records: number } {
    const taken = {
      numbers: this.numbers.slice(0, this.length),
      strings: this.strings,
      records: this.records,
    };
    this.length = 0;
    this.strings = [];
    this.records = 0;
    return taken;
  }

  /**
   * One action, written field by field in FIELDS' order. A switch with direct property reads,
   * not a walk of the table: this runs for every action the engine takes (measured: half the
   * cost of a generic walk), and recordLines (record-json.ts) reads it back by the table.
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

  private ids(list: readonly SocketId[]): void {
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
    const grown = new Float64Array(Math.max(this.numbers.length * 2, this.length + need));
    grown.set(this.numbers.subarray(0, this.length));
    this.numbers = grown;
  }

  private num(value: number): void {
    this.numbers[this.length++] = value;
  }
}
