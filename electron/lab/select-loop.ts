import type { Socket } from 'node:net';
import { DEFAULT_OPTIONS, LISTENER_ID } from '../../shared/engine';
import type {
  Action,
  BackpressureReason,
  EngineOptions,
  Fidelity,
  Phase,
  SelectSets,
  SocketId,
} from '../../shared/engine';
import { Connection } from './connection';
import type { Listener } from './listener';
import { SocketList } from './socket-list';
import { type MessageQueue, type ByteTally } from './message-queue';

/**
 * The seed's state, by the seed's names, and one iteration of its loop as a
 * generator of actions: Run drains it, Step runs it to the end, Step action
 * advances it by one. Each action is done before it is yielded.
 */
export class SelectLoop {
  /** The listening socket first, as in the seed. */
  readonly inputs = new SocketList();
  readonly outputs = new SocketList();
  readonly messageQueues = new Map<SocketId, MessageQueue>();
  /** Every open connection, including read-closed ones still flushing in Safe mode. */
  readonly sockets = new Map<SocketId, Connection>();
  /** Closed by the loop but still flushing to the kernel; torn down when the server stops. */
  readonly closing = new Set<Connection>();
  readonly queued: ByteTally = { bytes: 0 };
  options: EngineOptions = { ...DEFAULT_OPTIONS };
  fidelity: Fidelity = 'safe';
  private nextId = 1;
  /**
   * Connections a socket event touched that may be readable or exceptional: the
   * only ones select() must look at, so a pass costs what is ready, not what is open.
   */
  private readonly candidates = new Set<SocketId>();
  /** Connections the queue caps stopped reading. */
  private readonly capped = new Set<SocketId>();
  private readonly noteChange: (connection: Connection) => void;

  constructor(
    readonly listener: Listener,
    changed: (connection: Connection) => void,
  ) {
    this.inputs.add(LISTENER_ID);
    this.noteChange = (connection) => {
      if (!connection.closed) this.candidates.add(connection.id);
      changed(connection);
    };
  }

  /**
   * `select.select(inputs, outputs, inputs)`, level-triggered. It changes no state
   * the seed has; it only forgets candidates that turned out not to be ready.
   */
  select(): SelectSets {
    const readable: SocketId[] = this.listener.readable ? [LISTENER_ID] : [];
    const exceptional: SocketId[] = [];
    const ready: SocketId[] = [];
    for (const id of this.candidates) {
      const connection = this.sockets.get(id);
      if (connection && this.inputs.has(id) && (connection.readable || connection.exceptional))
        ready.push(id);
      else this.candidates.delete(id);
    }
    // Ids grow in accept order, which is the order of `inputs`.
    ready.sort((a, b) => a - b);
    for (const id of ready) {
      const connection = this.sockets.get(id) as Connection;
      if (connection.exceptional) exceptional.push(id);
      else if (this.capBlocking(connection) === null) readable.push(id);
    }
    const writable: SocketId[] = [];
    const { sendBufferSize } = this.options;
    for (const id of this.outputs) {
      if (this.sockets.get(id)?.isWritable(sendBufferSize)) writable.push(id);
    }
    return { readable, writable, exceptional };
  }

  /** True where select() would return at once. */
  isReady(sets: SelectSets): boolean {
    return sets.readable.length + sets.writable.length + sets.exceptional.length > 0;
  }

  /** Connections whose reading the queue caps stop or resume: yielded as backpressure actions. */
  *backpressureChanges(): Generator<Action> {
    for (const id of new Set([...this.candidates, ...this.capped])) {
      const connection = this.sockets.get(id);
      if (!connection || connection.readClosed) continue;
      const reason = this.capBlocking(connection);
      if (reason !== connection.backpressure) yield this.setBackpressure(connection, reason, 'select');
    }
  }

  private setBackpressure(connection: Connection, reason: BackpressureReason | null, phase: Phase): Action {
    connection.backpressure = reason;
    if (reason) this.capped.add(connection.id);
    else this.capped.delete(connection.id);
    const { id } = connection;
    return { phase, kind: 'backpressure', id, on: reason !== null, reason: reason ?? 'queue-cap' };
  }

  /** One pass of `while inputs:`, from sets select() returned. */
  *iteration(sets: SelectSets): Generator<Action> {
    const { readable, writable, exceptional } = sets;
    yield { phase: 'select', kind: 'select', readable, writable, exceptional };
    for (const id of readable) yield* this.readable(id);
    for (const id of writable) yield* this.writable(id);
    for (const id of exceptional) yield* this.exceptional(id);
    // Caps are settled once the iteration is done: they decide what the next select() may read.
    yield* this.backpressureChanges();
  }

  /** The readable loop's body for one socket. */
  private *readable(id: SocketId): Generator<Action> {
    if (id === LISTENER_ID) {
      yield* this.accept();
      return;
    }
    const connection = this.sockets.get(id);
    if (!connection || connection.closed) return;
    const blocked = this.capBlocking(connection);
    if (blocked !== null) {
      // An earlier recv in this iteration filled the total cap.
      if (connection.backpressure !== blocked) yield this.setBackpressure(connection, blocked, 'readable');
      return;
    }
    const data = connection.recv(this.options.recvSize);
    if (data.length > 0) {
      yield { phase: 'readable', kind: 'recv', id, bytes: data.length };
      this.messageQueues.get(id)?.put(data);
      yield { phase: 'readable', kind: 'put', id, bytes: data.length };
      if (!this.outputs.has(id)) {
        this.outputs.add(id);
        yield { phase: 'readable', kind: 'outputs-add', id };
      }
      return;
    }
    yield { phase: 'readable', kind: 'eof', id };
    if (this.fidelity === 'tutorial') {
      yield* this.removeAndClose(connection, 'eof', 'readable');
      return;
    }
    // Safe: close the read side, but echo what is queued before closing.
    this.inputs.delete(id);
    yield { phase: 'readable', kind: 'inputs-remove', id };
    connection.readClosed = true;
    if (connection.queue.length > 0) {
      if (!this.outputs.has(id)) {
        this.outputs.add(id);
        yield { phase: 'readable', kind: 'outputs-add', id };
      }
      return;
    }
    yield* this.removeAndClose(connection, 'eof', 'readable');
  }

  private *accept(): Generator<Action> {
    const socket = this.listener.accept();
    if (!socket) return;
    const id = this.nextId++;
    const peer = peerOf(socket);
    if (this.sockets.size >= this.options.maxConnections) {
      socket.destroy();
      yield { phase: 'readable', kind: 'reject', id, peer, limit: this.options.maxConnections };
      return;
    }
    socket.setNoDelay(this.options.noDelay);
    const connection = new Connection(
      id,
      socket,
      peer,
      this.options.recvBufferSize,
      this.queued,
      this.noteChange,
    );
    this.sockets.set(id, connection);
    this.inputs.add(id);
    this.messageQueues.set(id, connection.queue);
    yield { phase: 'readable', kind: 'accept', id, peer };
  }

  /** The writable loop's body for one socket. */
  private *writable(id: SocketId): Generator<Action> {
    const queue = this.messageQueues.get(id);
    const connection = this.sockets.get(id);
    if (!queue || !connection || connection.closed) {
      if (this.fidelity === 'tutorial') {
        yield {
          phase: 'writable',
          kind: 'crash',
          id,
          exception: 'KeyError',
          detail: 'message_queues[s]: s was closed and its queue deleted earlier in this iteration',
        };
      } else {
        yield { phase: 'writable', kind: 'skip', id, reason: 'closed-earlier' };
      }
      return;
    }
    const message = queue.getNowait();
    if (!message) {
      this.outputs.delete(id);
      yield { phase: 'writable', kind: 'outputs-remove', id, reason: 'queue-empty' };
      if (connection.readClosed) yield* this.removeAndClose(connection, 'flushed', 'writable');
      return;
    }
    yield { phase: 'writable', kind: 'get', id, bytes: message.length };
    const result = connection.send(message, this.options.sendBufferSize);
    if ('error' in result) {
      queue.putFront(message);
      if (this.fidelity === 'tutorial') {
        yield {
          phase: 'writable',
          kind: 'crash',
          id,
          exception: 'OSError',
          detail: `s.send() raised ${result.error}`,
        };
      }
      yield* this.removeAndClose(connection, 'send-error', 'writable');
      return;
    }
    yield { phase: 'writable', kind: 'send', id, sent: result.sent, of: message.length };
    const rest = message.length - result.sent;
    if (rest === 0) return;
    if (this.fidelity === 'safe') {
      queue.putFront(message.subarray(result.sent));
      yield { phase: 'writable', kind: 'requeue', id, bytes: rest };
    } else {
      connection.bytesLost += rest;
      yield { phase: 'writable', kind: 'lost', id, bytes: rest, why: 'partial-send' };
    }
  }

  /** The exceptional loop's body for one socket. */
  private *exceptional(id: SocketId): Generator<Action> {
    const connection = this.sockets.get(id);
    if (!connection || connection.closed) {
      if (this.fidelity === 'tutorial') {
        yield {
          phase: 'exceptional',
          kind: 'crash',
          id,
          exception: 'ValueError',
          detail: 'inputs.remove(s): s was already removed earlier in this iteration',
        };
      } else {
        yield { phase: 'exceptional', kind: 'skip', id, reason: 'closed-earlier' };
      }
      return;
    }
    yield* this.removeAndClose(connection, 'exceptional', 'exceptional');
  }

  /** The seed's removal sequence: outputs, inputs, close, `del message_queues[s]`. */
  private *removeAndClose(
    connection: Connection,
    reason: 'eof' | 'flushed' | 'exceptional' | 'send-error',
    phase: Phase,
  ): Generator<Action> {
    const { id } = connection;
    if (this.outputs.delete(id)) yield { phase: phase, kind: 'outputs-remove', id, reason: 'closing' };
    if (this.inputs.delete(id)) yield { phase: phase, kind: 'inputs-remove', id };
    const error = connection.error;
    connection.close();
    this.sockets.delete(id);
    this.candidates.delete(id);
    this.capped.delete(id);
    if (!connection.socket.destroyed) {
      this.closing.add(connection);
      connection.socket.once('close', () => this.closing.delete(connection));
    }
    const dropped = connection.queue.clear();
    this.messageQueues.delete(id);
    // Undeliverable anyway after an error; after a plain EOF it is the seed's bug.
    if (dropped > 0 && reason === 'eof') {
      connection.bytesLost += dropped;
      yield { phase: phase, kind: 'lost', id, bytes: dropped, why: 'queue-dropped' };
    }
    yield error === null ? { phase, kind: 'close', id, reason } : { phase, kind: 'close', id, reason, error };
  }

  /** Why the queue caps keep this connection from being read, or null if a recv fits. */
  private capBlocking(connection: Connection): 'queue-cap' | 'total-cap' | null {
    const next = connection.nextRecvSize(this.options.recvSize);
    if (next === 0) return null;
    if (connection.queue.bytes + next > this.options.queueCap) return 'queue-cap';
    if (this.queued.bytes + next > this.options.totalQueueCap) return 'total-cap';
    return null;
  }

  /** Tears everything down at once (server stop). */
  destroyAll(): void {
    for (const connection of this.sockets.values()) connection.destroy();
    for (const connection of this.closing) connection.destroy();
    this.sockets.clear();
    this.closing.clear();
    this.candidates.clear();
    this.capped.clear();
    this.messageQueues.clear();
    this.outputs.clear();
    this.inputs.clear();
    this.queued.bytes = 0;
  }
}

function peerOf(socket: Socket): string {
  const host = socket.remoteAddress ?? '?';
  return `${host.includes(':') ? `[${host}]` : host}:${socket.remotePort ?? '?'}`;
}
