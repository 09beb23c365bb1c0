/**
 * The lab's state rebuilt from iteration records: what every producer of records (the
 * engine, a recording, a `--log jsonl` file, the tracer of a real program) lets the window
 * show. It starts from a snapshot line, or from nothing (a log), and folds records forward,
 * action by action, so Step action works on a replay as it does live.
 *
 * Records say what the loop did; they cannot say what the kernel did between two select()
 * calls. So the kernel's side of a connection (bytes waiting in its receive and send
 * buffers, a FIN or an error not yet read) and the listener's accept queue are exact at a
 * snapshot and carried unchanged until the next one.
 */
import {
  DEFAULT_OPTIONS,
  LISTENER_FD,
  newConnectionView,
  type Action,
  type ConnectionView,
  type EngineSnapshot,
  type IterationRecord,
  type SocketId,
} from '../engine';
import { decodeSizes, type RecordingHeader, type SnapshotLine } from './format';

/** The engine's state without its connections, which the model keeps by id. */
export type EngineFields = Omit<EngineSnapshot, 'connections'>;

export interface ModelConnection {
  view: ConnectionView;
  /** Its queued messages' sizes, oldest first; null once they no longer add up (a log that starts mid-run). */
  queue: number[] | null;
}

export interface ModelData {
  engine: EngineFields;
  connections: Map<SocketId, ModelConnection>;
}

/** A queue the record does not list: empty (one object for all, not one per connection per record). */
const EMPTY_QUEUE = { messages: 0, bytes: 0 } as const;

/** The state before anything happened: a server just started, as a header (or nothing) describes it. */
export function emptyModel(header: RecordingHeader | null): ModelData {
  const options = header?.options ?? DEFAULT_OPTIONS;
  return {
    engine: {
      server: header?.server ?? { state: 'listening', host: '', port: 0, address: null, error: null },
      program: null,
      run: 1,
      mode: 'step',
      fidelity: header?.fidelity ?? 'safe',
      options,
      iteration: 0,
      inputs: [0],
      outputs: [],
      lastSets: null,
      pending: null,
      cursor: null,
      listener: { fd: LISTENER_FD, backlog: options.backlog, queued: 0, waiting: 0, nextRetryAt: null },
      totals: { accepted: 0, closed: 0, bytesIn: 0, bytesOut: 0, bytesLost: 0, crashes: 0 },
    },
    connections: new Map(),
  };
}

/** The state a snapshot line holds. */
export function modelOfSnapshot(line: SnapshotLine): ModelData {
  const { connections, ...engine } = line.engine;
  const queues = new Map(line.queues);
  return {
    engine: { ...engine, mode: 'step', cursor: null, pending: null },
    connections: new Map(
      connections.map((view) => {
        const runs = queues.get(view.id);
        return [view.id, { view, queue: runs ? decodeSizes(runs) : view.queuedMessages === 0 ? [] : null }];
      }),
    ),
  };
}

/** A copy to fold forward without touching the original (a decoded snapshot is reused by every seek). */
export function cloneModel(data: ModelData): ModelData {
  return structuredClone(data);
}

/** A connection the records never showed accepted (a log that starts mid-run). */
function unknownConnection(id: SocketId, at: number): ModelConnection {
  return { view: newConnectionView(id, 0, 'accepted before the records begin', at), queue: null };
}

/** A connection as accept() makes it. */
function accepted(action: Extract<Action, { kind: 'accept' }>, at: number): ModelConnection {
  return { view: newConnectionView(action.id, action.fd, action.peer, at), queue: [] };
}

const without = (list: SocketId[], id: SocketId): SocketId[] => list.filter((x) => x !== id);

/**
 * Folds records into a model, one action at a time, noting which connections changed
 * (for the batches a replay sends, like the live host's).
 */
export class Folder {
  readonly changed = new Set<SocketId>();
  readonly removed = new Set<SocketId>();

  constructor(readonly data: ModelData) {}

  /** The iteration's select() was called: the lists passed in, the sets it returned. */
  begin(record: IterationRecord): void {
    const engine = this.data.engine;
    engine.iteration = record.n;
    engine.fidelity = record.fidelity;
    engine.inputs = [...record.inputs];
    engine.outputs = [...record.outputs];
    engine.lastSets = record.sets;
    engine.cursor = { iteration: record.n, done: 0, sets: record.sets };
  }

  /** One action of `record`, as the engine did it. */
  act(action: Action, record: IterationRecord): void {
    const engine = this.data.engine;
    if (engine.cursor) engine.cursor = { ...engine.cursor, done: engine.cursor.done + 1 };
    const totals = engine.totals;
    switch (action.kind) {
      case 'select':
      case 'reject':
      case 'fd-setsize':
      case 'skip':
      case 'halt': // Run until's mark: where the loop halted, on no connection's account
        return;
      case 'crash':
        totals.crashes++;
        return;
      case 'accept':
        totals.accepted++;
        engine.inputs = [...engine.inputs, action.id];
        this.data.connections.set(action.id, accepted(action, record.at));
        this.touch(action.id);
        return;
      case 'outputs-add':
        engine.outputs = [...engine.outputs, action.id];
        return;
      case 'outputs-remove':
        engine.outputs = without(engine.outputs, action.id);
        return;
      case 'inputs-remove':
        engine.inputs = without(engine.inputs, action.id);
        return;
      case 'close':
        totals.closed++;
        this.data.connections.delete(action.id);
        this.changed.delete(action.id);
        this.removed.add(action.id);
        return;
      case 'recv':
        totals.bytesIn += action.bytes;
        break;
      case 'send':
        totals.bytesOut += action.sent;
        break;
      case 'lost':
        totals.bytesLost += action.bytes;
        break;
    }
    const connection = this.connection(action.id, record.at);
    connection.view = { ...connection.view, ...this.viewChange(connection, action, record) };
    this.touch(action.id);
  }

  /** The iteration is over: the lists and queue depths as its record says they were. */
  end(record: IterationRecord): void {
    const engine = this.data.engine;
    engine.cursor = null;
    engine.inputs = [...record.after.inputs];
    engine.outputs = [...record.after.outputs];
    const depths = new Map(record.after.queues.map(([id, messages, bytes]) => [id, { messages, bytes }]));
    for (const [id, connection] of this.data.connections) {
      const depth = depths.get(id) ?? EMPTY_QUEUE;
      const view = connection.view;
      if (view.queuedMessages === depth.messages && view.queuedBytes === depth.bytes) continue;
      // The record is the authority; sizes that no longer add up are dropped, not guessed.
      connection.view = { ...view, queuedMessages: depth.messages, queuedBytes: depth.bytes };
      connection.queue = depth.messages === 0 ? [] : null;
      this.touch(id);
    }
  }

  /** A whole iteration. */
  apply(record: IterationRecord): void {
    this.begin(record);
    for (const action of record.actions) this.act(action, record);
    this.end(record);
  }

  private viewChange(c: ModelConnection, action: Action, record: IterationRecord): Partial<ConnectionView> {
    const v = c.view;
    switch (action.kind) {
      case 'recv':
        return { bytesIn: v.bytesIn + action.bytes };
      case 'put':
        c.queue?.push(action.bytes);
        return { queuedMessages: v.queuedMessages + 1, queuedBytes: v.queuedBytes + action.bytes };
      case 'get':
        c.queue?.shift();
        return {
          queuedMessages: Math.max(0, v.queuedMessages - 1),
          queuedBytes: Math.max(0, v.queuedBytes - action.bytes),
        };
      case 'requeue':
        c.queue?.unshift(action.bytes);
        return { queuedMessages: v.queuedMessages + 1, queuedBytes: v.queuedBytes + action.bytes };
      case 'send':
        return { bytesOut: v.bytesOut + action.sent };
      case 'lost':
        return { bytesLost: v.bytesLost + action.bytes };
      case 'eof':
        // Safe mode closes the read side and flushes the queue first.
        return record.fidelity === 'safe' ? { eof: true, readClosed: true } : { eof: true };
      case 'raise':
        return { error: action.errno };
      case 'backpressure':
        return { backpressure: action.on ? action.reason : null };
      default:
        return {};
    }
  }

  private connection(id: SocketId, at: number): ModelConnection {
    let connection = this.data.connections.get(id);
    if (!connection) {
      connection = unknownConnection(id, at);
      this.data.connections.set(id, connection);
    }
    return connection;
  }

  private touch(id: SocketId): void {
    this.removed.delete(id);
    this.changed.add(id);
  }
}

/** Every open connection's view, in accept order: the snapshot's `connections`. */
export function connectionViews(data: ModelData): ConnectionView[] {
  return [...data.connections.values()].map((c) => c.view);
}
