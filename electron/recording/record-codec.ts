/**
 * Iteration records as a flat run of numbers (and a few strings), to hand them to the
 * recording's disk thread for almost nothing: writing a thousand numbers costs the engine's
 * thread a few microseconds, where JSON.stringify of the same record costs fifty (measured:
 * a 1 KiB × 100 ping-pong makes 14 KB records of 200 actions). The disk thread rebuilds each
 * record and writes it as JSON, so the file holds the engine's records, as they were.
 */
import type { Action, ActionKind, IterationRecord, SocketId } from '../../shared/engine';

type Field = 'n' | 'ids' | 's' | 'b' | 's?';
type Body<K extends ActionKind> = Omit<Extract<Action, { kind: K }>, 'kind' | 'phase'>;
type Fields<K extends ActionKind> = readonly { [F in keyof Body<K>]-?: [F, Field] }[keyof Body<K>][];

/** Each action's fields, in the engine's own order: a kind added to the engine fails typecheck here. */
const FIELDS: { [K in ActionKind]: Fields<K> } = {
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
    ['reason', 's'],
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
};

/** The table read generically, by field name. */
type AnyFields = readonly (readonly [string, Field])[];

const KINDS = Object.keys(FIELDS) as ActionKind[];
const KIND_INDEX = new Map(KINDS.map((kind, i) => [kind, i]));
const PHASES = ['select', 'readable', 'writable', 'exceptional'] as const;
const PHASE_INDEX = new Map<string, number>(PHASES.map((phase, i) => [phase, i]));
const FIDELITIES = ['safe', 'tutorial'] as const;

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

  private action(action: Action): void {
    this.num(KIND_INDEX.get(action.kind) ?? -1);
    this.num(PHASE_INDEX.get(action.phase) ?? -1);
    const values = action as unknown as Record<string, unknown>;
    for (const [name, type] of FIELDS[action.kind] as AnyFields) {
      const value = values[name];
      if (type === 'n') this.num(value as number);
      else if (type === 'ids') this.ids(value as SocketId[]);
      else if (type === 'b') this.num(value ? 1 : 0);
      else if (type === 's?' && value === undefined) this.num(-1);
      else this.num(this.strings.push(String(value)) - 1);
    }
  }

  private ids(list: readonly SocketId[]): void {
    this.num(list.length);
    for (const id of list) this.num(id);
  }

  private num(value: number): void {
    if (this.length === this.numbers.length) {
      const grown = new Float64Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    this.numbers[this.length++] = value;
  }
}

/** Reads back what a RecordEncoder took, record by record. */
export function* decodeRecords(
  numbers: Float64Array,
  strings: readonly string[],
): Generator<IterationRecord> {
  let at = 0;
  const num = (): number => numbers[at++] ?? 0;
  const ids = (): SocketId[] => {
    const list: SocketId[] = new Array(num());
    for (let i = 0; i < list.length; i++) list[i] = num();
    return list;
  };
  while (at < numbers.length) {
    const n = num();
    const when = num();
    const micros = num();
    const fidelity = FIDELITIES[num()] ?? 'safe';
    const inputs = ids();
    const outputs = ids();
    const sets = { readable: ids(), writable: ids(), exceptional: ids() };
    const actions: Action[] = new Array(num());
    for (let i = 0; i < actions.length; i++) {
      const kind = KINDS[num()] as ActionKind;
      const action: Record<string, unknown> = { phase: PHASES[num()], kind };
      for (const [name, type] of FIELDS[kind] as AnyFields) {
        if (type === 'n') action[name] = num();
        else if (type === 'ids') action[name] = ids();
        else if (type === 'b') action[name] = num() === 1;
        else {
          const index = num();
          if (index >= 0 || type === 's') action[name] = strings[index];
        }
      }
      actions[i] = action as unknown as Action;
    }
    const after = { inputs: ids(), outputs: ids(), queues: [] as [SocketId, number, number][] };
    after.queues = Array.from({ length: num() }, (): [SocketId, number, number] => [num(), num(), num()]);
    yield { n, at: when, micros, fidelity, inputs, outputs, sets, actions, after };
  }
}
