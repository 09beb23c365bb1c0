import type { Socket } from 'node:net';
import { DEFAULT_OPTIONS, FD_SETSIZE, LISTENER_ID } from '../../shared/engine';
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
import { FdTable } from './fd-table';
import type { Listener } from './listener';
import { capReason } from './fair-caps';
import { exceptionalPhase, readablePhase, writablePhase } from './phases';
import { SocketList } from './socket-list';
import { MESSAGE_OVERHEAD, type MessageQueue, type CapTally } from './message-queue';

/**
 * The seed's state, by the seed's names, and one iteration of its loop as a
 * generator of actions (the loops' bodies are in phases.ts): Run drains it,
 * Step runs it to the end, Step action advances it by one.
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
  /** What every queue together charges the total cap (message-queue.ts). */
  readonly queued: CapTally = { charged: 0 };
  options: EngineOptions = { ...DEFAULT_OPTIONS };
  fidelity: Fidelity = 'safe';
  readonly fds = new FdTable();
  private nextId = 1;
  /** A descriptor past FD_SETSIZE was reported, and none has been closed below it since. */
  private pastSetSizeReported = false;
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
      // Readability changes only on socket events, so one not readable now needs no look.
      if (connection.readable) this.candidates.add(connection.id);
      changed(connection);
    };
  }

  /**
   * `select.select(inputs, outputs, inputs)`, level-triggered, from what the kernel
   * holds for each socket (the caller lets Node's loop poll first: see SelectServer).
   * `exceptional` stays empty: Linux puts only sockets with TCP urgent data there,
   * which Node never reports. It changes no state the seed has; it only forgets
   * candidates that turned out not to be ready.
   */
  select(): SelectSets {
    const readable: SocketId[] = this.listener.readable ? [LISTENER_ID] : [];
    const ready: SocketId[] = [];
    for (const id of this.candidates) {
      const connection = this.sockets.get(id);
      if (connection && this.inputs.has(id) && connection.readable) ready.push(id);
      else this.candidates.delete(id);
    }
    // Ids grow in accept order, which is the order of `inputs`.
    ready.sort((a, b) => a - b);
    for (const id of ready) {
      if (this.capBlocking(this.sockets.get(id) as Connection) === null) readable.push(id);
    }
    const writable: SocketId[] = [];
    const { sendBufferSize } = this.options;
    for (const id of this.outputs) {
      if (this.sockets.get(id)?.isWritable(sendBufferSize)) writable.push(id);
    }
    return { readable, writable, exceptional: [] };
  }

  /** True where select() would return at once. */
  isReady(sets: SelectSets): boolean {
    return sets.readable.length + sets.writable.length + sets.exceptional.length > 0;
  }

  /** Tutorial mode: the next select.select() raises ValueError (a descriptor past FD_SETSIZE), ready or not. */
  get wouldRaise(): boolean {
    return this.fidelity === 'tutorial' && this.fds.pastSetSize > 0 && !this.pastSetSizeReported;
  }

  /** Connections whose reading the queue caps stop or resume: yielded as backpressure actions. */
  *backpressureChanges(): Generator<Action> {
    // A copy, as the iteration may halt here (Step action) while socket events add candidates.
    // A connection in both sets is settled by its first visit: the second finds nothing to change.
    for (const id of [...this.candidates, ...this.capped]) {
      const change = this.backpressureChange(id);
      if (change) yield change;
    }
  }

  private backpressureChange(id: SocketId): Action | null {
    const connection = this.sockets.get(id);
    if (!connection || connection.readClosed) return null;
    const reason = this.capBlocking(connection);
    return reason === connection.backpressure ? null : this.markBackpressure(connection, reason, 'select');
  }

  /** Sets or clears a connection's backpressure mark, as the action that records it. */
  markBackpressure(connection: Connection, reason: BackpressureReason | null, phase: Phase): Action {
    connection.backpressure = reason;
    if (reason) this.capped.add(connection.id);
    else this.capped.delete(connection.id);
    const { id } = connection;
    return { phase, kind: 'backpressure', id, on: reason !== null, reason: reason ?? 'queue-cap' };
  }

  /** One pass of `while inputs:`, from sets select() returned. */
  *iteration(sets: SelectSets): Generator<Action> {
    const crash = this.checkSetSize();
    if (crash) yield crash;
    // Only a crash past FD_SETSIZE opens an iteration whose select() would block.
    if (!this.isReady(sets)) return;
    const { readable, writable, exceptional } = sets;
    yield { phase: 'select', kind: 'select', readable, writable, exceptional };
    for (const id of readable) yield* readablePhase(this, id);
    for (const id of writable) yield* writablePhase(this, id);
    for (const id of exceptional) yield* exceptionalPhase(this, id);
    // Caps are settled once the iteration is done: they decide what the next select() may read.
    yield* this.backpressureChanges();
  }

  /**
   * Python's select() refuses a descriptor past FD_SETSIZE with ValueError, before
   * calling the kernel: in Tutorial mode the original dies at the first such call.
   * Reported once each time the lists cross the line.
   */
  private checkSetSize(): Action | null {
    if (this.fds.pastSetSize === 0) this.pastSetSizeReported = false;
    if (!this.wouldRaise) return null;
    this.pastSetSizeReported = true;
    const past = [...this.sockets.values()].find((c) => c.fd >= FD_SETSIZE);
    if (!past) return null;
    const detail = `filedescriptor out of range in select(): fd ${past.fd} is past FD_SETSIZE (${FD_SETSIZE})`;
    return { phase: 'select', kind: 'crash', id: past.id, exception: 'ValueError', detail };
  }

  /**
   * Safe mode keeps serving past FD_SETSIZE, and says so as soon as a connection gets
   * such a descriptor: the fixed server would need poll() or selectors from here.
   */
  *afterAccept(id: SocketId): Generator<Action> {
    const fd = this.sockets.get(id)?.fd ?? 0;
    if (this.fidelity !== 'safe' || fd < FD_SETSIZE || this.pastSetSizeReported) return;
    this.pastSetSizeReported = true;
    yield { phase: 'readable', kind: 'fd-setsize', id, fd };
  }

  /** `s.accept()`: the next waiting connection joins `inputs` with a queue; null if none waits. */
  accept(): Extract<Action, { kind: 'accept' | 'reject' }> | null {
    const socket = this.listener.accept();
    if (!socket) return null;
    const id = this.nextId++;
    const peer = peerOf(socket);
    if (this.sockets.size >= this.options.maxConnections) {
      socket.destroy();
      return { phase: 'readable', kind: 'reject', id, peer, limit: this.options.maxConnections };
    }
    const { recvBufferSize } = this.options;
    const fd = this.fds.open();
    const connection = new Connection(id, fd, socket, peer, recvBufferSize, this.queued, this.noteChange);
    connection.socket.setNoDelay(this.options.noDelay);
    this.sockets.set(id, connection);
    this.inputs.add(id);
    this.messageQueues.set(id, connection.queue);
    return { phase: 'readable', kind: 'accept', id, fd, peer };
  }

  /** Forgets a closed connection (the seed's `del message_queues[s]`); returns the bytes its queue held. */
  forget(connection: Connection): number {
    const { id } = connection;
    this.sockets.delete(id);
    this.fds.close(connection.fd);
    this.candidates.delete(id);
    this.capped.delete(id);
    if (!connection.socket.destroyed) {
      this.closing.add(connection);
      connection.socket.once('close', () => this.closing.delete(connection));
    }
    this.messageQueues.delete(id);
    return connection.queue.clear();
  }

  /** Why the queue caps keep this connection from being read, or null if a recv fits (fair-caps.ts). */
  capBlocking(connection: Connection): BackpressureReason | null {
    const size = connection.nextRecvSize(this.options.recvSize);
    if (size === 0) return null;
    // What the recv would add: its bytes, and one message's overhead.
    const next = size + MESSAGE_OVERHEAD;
    const queued = connection.queue.charged;
    // The common case, decided without building a query: the recv fits under both caps.
    const { queueCap, totalQueueCap } = this.options;
    if (queued + next <= queueCap && this.queued.charged + next <= totalQueueCap) return null;
    const query = {
      queued,
      next,
      total: this.queued.charged,
      connections: this.sockets.size,
    };
    return capReason(query, this.options);
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
    this.queued.charged = 0;
  }
}

function peerOf(socket: Socket): string {
  const host = socket.remoteAddress ?? '?';
  return `${host.includes(':') ? `[${host}]` : host}:${socket.remotePort ?? '?'}`;
}
