import {
  LISTENER_ID,
  newConnectionView,
  type Action,
  type ConnectionDetail,
  type ConnectionView,
  type IterationRecord,
  type SelectSets,
  type SocketId,
  type Totals,
} from '../../shared/engine';
import { Ring } from '../lab/ring';
import type { ShimEvent } from './shim-events';

const HISTORY_LIMIT = 200;

/** One of the program's sockets, as its calls showed it. */
interface ProgramSocket {
  id: SocketId;
  fd: number;
  peer: string;
  bytesIn: number;
  bytesOut: number;
  eof: boolean;
  error: string | null;
  openedAt: number;
  history: Ring<Action>;
}

/**
 * A real program's select() loop, rebuilt from what its tracer reports: one call of
 * its select() (or poll, or epoll) opens an iteration record, the calls after it are
 * the record's actions, and the next call closes it — with the lists it passes in as
 * the record's `after`. The same records the engine writes, so the window, recordings
 * and the log need not know which they show.
 */
export class ProgramLoop {
  /** Socket by descriptor, while open (descriptors are reused; ids are not). */
  private readonly byFd = new Map<number, ProgramSocket>();
  private readonly byId = new Map<SocketId, ProgramSocket>();
  private nextId = 1;
  private count = 0;
  private ended = 0;
  private open: IterationRecord | null = null;
  inputs: SocketId[] = [];
  outputs: SocketId[] = [];
  lastSets: SelectSets | null = null;
  listener: { fd: number; host: string; port: number; backlog: number | null } | null = null;
  api: 'select' | 'poll' | 'epoll' | null = null;
  readonly totals: Totals = { accepted: 0, closed: 0, bytesIn: 0, bytesOut: 0, bytesLost: 0, crashes: 0 };
  selectLine: number | null = null;
  /** Changed and removed since the host last asked. */
  private changed = new Set<SocketId>();
  private removed = new Set<SocketId>();

  constructor(
    private readonly emitAction: (action: Action) => void,
    private readonly emitIteration: (record: IterationRecord) => void,
  ) {}

  /** Iterations ended and told (the engine's meaning): one waiting in select() is not yet counted. */
  get iteration(): number {
    return this.ended;
  }

  /** select() calls seen, the one under way included. */
  get calls(): number {
    return this.count;
  }

  /**
   * The iteration under way once its select() has returned, as the engine's Step action shows
   * one half done: a snapshot then holds its actions so far, which the record will repeat.
   */
  get cursor(): { iteration: number; done: number; sets: SelectSets } | null {
    const open = this.open;
    return open && open.actions.length > 0
      ? { iteration: open.n, done: open.actions.length, sets: open.sets }
      : null;
  }

  /** Halted at a select() call whose result is not in yet (Step mode). */
  get halted(): boolean {
    return this.open !== null && this.open.actions.length === 0;
  }

  take(event: ShimEvent): void {
    switch (event.ev) {
      case 'listen': {
        this.listener = { fd: event.fd, host: event.host, port: event.port, backlog: event.backlog };
        const socket = this.socketOf(event.fd, `${event.host}:${event.port}`, LISTENER_ID);
        this.byId.set(LISTENER_ID, socket);
        return;
      }
      case 'select':
        this.begin(event);
        return;
      case 'ready': {
        const sets = {
          readable: this.idsOf(event.r),
          writable: this.idsOf(event.w),
          exceptional: this.idsOf(event.x),
        };
        if (this.open) this.open.sets = sets;
        this.lastSets = sets;
        this.act({ phase: 'select', kind: 'select', ...sets });
        return;
      }
      case 'accept': {
        const peer = `${event.peer[0].includes(':') ? `[${event.peer[0]}]` : event.peer[0]}:${event.peer[1]}`;
        const socket = this.socketOf(event.new, peer);
        this.act({ phase: 'readable', kind: 'accept', id: socket.id, fd: event.new, peer });
        return;
      }
      case 'recv': {
        const socket = this.socketOf(event.fd);
        socket.bytesIn += event.n;
        if (event.n === 0) socket.eof = true;
        this.act(
          event.n > 0
            ? { phase: 'readable', kind: 'recv', id: socket.id, bytes: event.n }
            : { phase: 'readable', kind: 'eof', id: socket.id },
        );
        return;
      }
      case 'send': {
        const socket = this.socketOf(event.fd);
        socket.bytesOut += event.n;
        this.act({ phase: 'writable', kind: 'send', id: socket.id, sent: event.n, of: event.size });
        return;
      }
      case 'raise': {
        const socket = event.fd >= 0 ? this.socketOf(event.fd) : null;
        if (socket) socket.error = event.errno || event.exc;
        const call =
          event.call === 'sendall'
            ? 'send'
            : event.call === 'poll' || event.call === 'epoll'
              ? 'select'
              : event.call;
        const phase = call === 'send' ? 'writable' : call === 'select' ? 'select' : 'readable';
        this.act({
          phase,
          kind: 'raise',
          id: socket?.id ?? LISTENER_ID,
          call,
          exception: event.exc,
          errno: event.errno,
        });
        return;
      }
      case 'close': {
        const socket = this.byFd.get(event.fd);
        if (!socket) return;
        const reason = socket.eof ? 'eof' : socket.error ? 'error' : 'program';
        const phase = socket.eof ? 'readable' : 'writable';
        this.act(
          socket.error
            ? { phase, kind: 'close', id: socket.id, reason, error: socket.error }
            : { phase, kind: 'close', id: socket.id, reason },
        );
        this.byFd.delete(event.fd);
        this.byId.delete(socket.id);
        this.changed.delete(socket.id);
        this.removed.add(socket.id);
        return;
      }
      case 'crash': {
        const phase = this.open?.actions.at(-1)?.phase ?? 'select';
        this.act({ phase, kind: 'crash', id: LISTENER_ID, exception: event.exc, detail: event.msg });
        this.finish();
        return;
      }
    }
  }

  /** The program ended: the iteration under way ends where it stands. */
  finish(): void {
    this.close(this.inputs, this.outputs);
  }

  connections(): ConnectionView[] {
    return [...this.byId.values()].filter((s) => s.id !== LISTENER_ID).map(view);
  }

  connectionView(id: SocketId): ConnectionView | undefined {
    const socket = this.byId.get(id);
    return socket && id !== LISTENER_ID ? view(socket) : undefined;
  }

  detail(id: SocketId): ConnectionDetail | undefined {
    const socket = this.byId.get(id);
    if (!socket || id === LISTENER_ID) return undefined;
    return { ...view(socket), queue: [], queueMore: 0, history: socket.history.toArray() };
  }

  takeChanges(): { changed: SocketId[]; removed: SocketId[] } {
    const changes = { changed: [...this.changed], removed: [...this.removed] };
    this.changed.clear();
    this.removed.clear();
    return changes;
  }

  private begin(event: Extract<ShimEvent, { ev: 'select' }>): void {
    const inputs = this.idsOf(event.r);
    const outputs = this.idsOf(event.w);
    this.close(inputs, outputs);
    this.api = event.api;
    this.selectLine = event.at?.[1] ?? null;
    this.inputs = inputs;
    this.outputs = outputs;
    this.open = {
      n: ++this.count,
      at: Date.now(),
      micros: 0,
      fidelity: 'tutorial',
      inputs,
      outputs,
      sets: { readable: [], writable: [], exceptional: [] },
      actions: [],
      after: { inputs: [], outputs: [], queues: [] },
    };
  }

  /** Ends the open iteration: what it did, and the lists the program passes to its next call. */
  private close(inputs: SocketId[], outputs: SocketId[]): void {
    const record = this.open;
    if (!record || record.actions.length === 0) return;
    this.open = null;
    this.ended = record.n;
    record.micros = Math.round((Date.now() - record.at) * 1000);
    record.after = { inputs, outputs, queues: [] };
    this.emitIteration(record);
  }

  private act(action: Action): void {
    this.open?.actions.push(action);
    const t = this.totals;
    if (action.kind === 'accept') t.accepted++;
    if (action.kind === 'recv') t.bytesIn += action.bytes;
    if (action.kind === 'send') t.bytesOut += action.sent;
    if (action.kind === 'close') t.closed++;
    if (action.kind === 'crash') t.crashes++;
    if (action.kind !== 'select') {
      const socket = this.byId.get(action.id);
      socket?.history.push(action);
      if (action.id !== LISTENER_ID) this.changed.add(action.id);
    }
    this.emitAction(action);
  }

  /** The sockets on these descriptors, by id. */
  idsOf(fds: number[]): SocketId[] {
    return fds.map((fd) => this.socketOf(fd).id);
  }

  /** The socket on `fd`, made known on first sight (a socket the program did not accept: a client, a pipe). */
  private socketOf(fd: number, peer = '?', id?: SocketId): ProgramSocket {
    const known = this.byFd.get(fd);
    if (known) return known;
    const socket: ProgramSocket = {
      id: id ?? this.nextId++,
      fd,
      peer,
      bytesIn: 0,
      bytesOut: 0,
      eof: false,
      error: null,
      openedAt: Date.now(),
      history: new Ring(HISTORY_LIMIT),
    };
    this.byFd.set(fd, socket);
    this.byId.set(socket.id, socket);
    if (socket.id !== LISTENER_ID) this.changed.add(socket.id);
    return socket;
  }
}

/** A program's queues are its own business: the lab sees bytes in and out, not what waits in between. */
const view = (socket: ProgramSocket): ConnectionView => ({
  ...newConnectionView(socket.id, socket.fd, socket.peer, socket.openedAt),
  bytesIn: socket.bytesIn,
  bytesOut: socket.bytesOut,
  eof: socket.eof,
  error: socket.error,
});
