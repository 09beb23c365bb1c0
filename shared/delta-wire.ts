import type { LabDelta } from './contract';
import type { ConnectionView, IterationRecord, SocketId } from './engine';

/**
 * A batch as it crosses the browser shell's WebSocket: the same LabDelta, packed. Under load
 * most of a batch's bytes are id lists each record repeats (the inputs passed to select() and
 * the inputs after it, the same 1,000 or 10,000 ids record after record) and the field names
 * of every connection view. Here each distinct id list goes once, in `lists`, and records name
 * it by index; a view is a tuple in VIEW_FIELDS order. unpackDelta gives back an equal LabDelta
 * whose records share their equal lists (never mutated: the store replaces, never edits).
 */
export interface PackedDelta extends Omit<LabDelta, 'iterations' | 'connections'> {
  lists: SocketId[][];
  iterations: PackedRecord[];
  connections: PackedView[];
}

type ListRef = number;

export interface PackedRecord extends Omit<IterationRecord, 'inputs' | 'outputs' | 'after'> {
  inputs: ListRef;
  outputs: ListRef;
  after: { inputs: ListRef; outputs: ListRef; queues: IterationRecord['after']['queues'] };
}

/** Its argument, if it names every field of a connection view (a new field fails typecheck here). */
const everyField = <T extends readonly (keyof ConnectionView)[]>(
  fields: T &
    ([Exclude<keyof ConnectionView, T[number]>] extends [never] ? unknown : 'a view field has no place'),
): T => fields;

/** A connection view's fields in tuple order. */
export const VIEW_FIELDS = everyField([
  'id',
  'fd',
  'peer',
  'queuedMessages',
  'queuedBytes',
  'bytesIn',
  'bytesOut',
  'bytesLost',
  'recvBuffered',
  'sendBuffered',
  'eof',
  'readClosed',
  'error',
  'backpressure',
  'openedAt',
] as const);

type Fields = typeof VIEW_FIELDS;
export type PackedView = {
  [I in keyof Fields]: Fields[I] extends keyof ConnectionView ? ConnectionView[Fields[I]] : never;
};

/** Lists of the same length compared against for a repeat: records repeat recent ones. */
const RECENT = 4;

function sameIds(a: readonly SocketId[], b: readonly SocketId[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Collects distinct id lists, recognising a list equal to one of the last few of its length. */
class ListTable {
  readonly lists: SocketId[][] = [];
  private readonly byLength = new Map<number, ListRef[]>();

  ref(list: SocketId[]): ListRef {
    const same = this.byLength.get(list.length) ?? [];
    for (const ref of same) if (sameIds(this.lists[ref]!, list)) return ref;
    this.lists.push(list);
    const ref = this.lists.length - 1;
    this.byLength.set(list.length, [ref, ...same.slice(0, RECENT - 1)]);
    return ref;
  }
}

const packView = (view: ConnectionView): PackedView =>
  VIEW_FIELDS.map((field) => view[field]) as unknown as PackedView;

function unpackView(tuple: PackedView): ConnectionView {
  const view: Record<string, unknown> = {};
  VIEW_FIELDS.forEach((field, i) => (view[field] = tuple[i]));
  return view as unknown as ConnectionView;
}

export function packDelta(delta: LabDelta): PackedDelta {
  const table = new ListTable();
  const iterations = delta.iterations.map(({ inputs, outputs, after, ...rest }): PackedRecord => ({
    ...rest,
    inputs: table.ref(inputs),
    outputs: table.ref(outputs),
    after: { inputs: table.ref(after.inputs), outputs: table.ref(after.outputs), queues: after.queues },
  }));
  return { ...delta, lists: table.lists, iterations, connections: delta.connections.map(packView) };
}

export function unpackDelta(packed: PackedDelta): LabDelta {
  const { lists, iterations, connections, ...rest } = packed;
  const list = (ref: ListRef): SocketId[] => {
    const found = lists[ref];
    if (!found) throw new Error(`a packed batch names id list ${ref} of ${lists.length}`);
    return found;
  };
  return {
    ...rest,
    iterations: iterations.map(({ inputs, outputs, after, ...record }): IterationRecord => ({
      ...record,
      inputs: list(inputs),
      outputs: list(outputs),
      after: { inputs: list(after.inputs), outputs: list(after.outputs), queues: after.queues },
    })),
    connections: connections.map(unpackView),
  };
}
