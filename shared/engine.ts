import type { Breakpoint } from './breakpoints';

/**
 * What the select() engine is and says: its state, its iteration records and
 * their actions. Shared by the engine, both shells and the renderer.
 */

/** 0 is the listening socket; connections count up from 1 per server run. */
export type SocketId = number;
export const LISTENER_ID: SocketId = 0;

/**
 * The descriptor the kernel gives the listening socket in a fresh Python process
 * (0, 1 and 2 are stdin, stdout and stderr); connections take the lowest free one after it.
 */
export const LISTENER_FD = 3;
/** select()'s fd_set holds descriptors 0 to 1023: Python's select.select() refuses any higher one. */
export const FD_SETSIZE = 1024;

export type Mode = 'run' | 'slow' | 'step';
export type Fidelity = 'safe' | 'tutorial';
/** `user`: a Close or Reset asked for from the window, between two passes of the loop (never the seed's own). */
export type Phase = 'select' | 'readable' | 'writable' | 'exceptional' | 'user';

/** The three lists select() returns. */
export interface SelectSets {
  readable: SocketId[];
  writable: SocketId[];
  exceptional: SocketId[];
}

/**
 * Why a socket was closed: EOF, urgent data (exceptional), its queue flushed after EOF (Safe),
 * an error a call raised, the user's Close or Reset, or (a traced program) the program's own reason.
 */
export type CloseReason = 'eof' | 'exceptional' | 'flushed' | 'error' | 'user' | 'program';

/** What Python raises for a socket error, by errno (the OSError subclasses of PEP 3151). */
export type SocketException =
  'ConnectionResetError' | 'BrokenPipeError' | 'ConnectionAbortedError' | 'TimeoutError' | 'OSError';

/** What the seed dies of, unhandled (a traced program may die of anything: its exception's name). */
export type CrashException = 'KeyError' | 'ValueError' | SocketException;
export type BackpressureReason = 'queue-cap' | 'total-cap';

/** One thing the loop did, in the order it did it. */
export type ActionBody =
  | ({ kind: 'select' } & SelectSets)
  /** `fd`: the descriptor the kernel would give it (the lowest free one). */
  | { kind: 'accept'; id: SocketId; fd: number; peer: string }
  /** Accepted and closed at once: the lab's connection limit was reached. */
  | { kind: 'reject'; id: SocketId; peer: string; limit: number }
  | { kind: 'recv'; id: SocketId; bytes: number }
  | { kind: 'put'; id: SocketId; bytes: number }
  | { kind: 'outputs-add'; id: SocketId }
  /** recv() returned b'': the peer shut its write side. */
  | { kind: 'eof'; id: SocketId }
  | { kind: 'outputs-remove'; id: SocketId; reason: 'queue-empty' | 'closing' }
  | { kind: 'inputs-remove'; id: SocketId }
  | { kind: 'close'; id: SocketId; reason: CloseReason; error?: string }
  /** recv() or send() raised: the kernel held an error for the socket (a reset, a closed peer). */
  | {
      kind: 'raise';
      id: SocketId;
      call: 'recv' | 'send' | 'accept' | 'select';
      exception: string;
      errno: string;
    }
  | { kind: 'get'; id: SocketId; bytes: number }
  | { kind: 'send'; id: SocketId; sent: number; of: number }
  /** Safe mode: the unsent remainder goes back to the head of the queue. */
  | { kind: 'requeue'; id: SocketId; bytes: number }
  /** Tutorial mode: bytes the original server silently drops. */
  | { kind: 'lost'; id: SocketId; bytes: number; why: 'partial-send' | 'queue-dropped' }
  /** Tutorial mode: the seed as written raises here, unhandled, and dies. */
  | { kind: 'crash'; id: SocketId; exception: CrashException | (string & {}); detail: string }
  /** Safe mode: a descriptor past FD_SETSIZE is in the lists; the fixed server would need poll() or selectors. */
  | { kind: 'fd-setsize'; id: SocketId; fd: number }
  /** Safe mode: a socket closed earlier in this iteration is skipped. */
  | { kind: 'skip'; id: SocketId; reason: 'closed-earlier' }
  /** The queue caps stop (on) or resume (off) reading a connection. */
  | { kind: 'backpressure'; id: SocketId; on: boolean; reason: BackpressureReason }
  /** The user asked the server to close the connection (FIN) or reset it (RST), from the Connection panel. */
  | { kind: 'user-close'; id: SocketId; how: 'close' | 'reset' }
  /** Run until: the action before this one met the breakpoint, and the loop halted here (Step mode). */
  | { kind: 'halt'; id: SocketId; reason: string };

export type Action = ActionBody & { phase: Phase };
export type ActionKind = Action['kind'];

/** One pass of the seed's `while inputs:` body. */
export interface IterationRecord {
  n: number;
  /** Wall clock (ms since epoch) when select() was called. */
  at: number;
  /** Time the iteration took, in microseconds (excluding any halt between actions). */
  micros: number;
  fidelity: Fidelity;
  /** The lists passed to select(inputs, outputs, inputs). */
  inputs: SocketId[];
  outputs: SocketId[];
  sets: SelectSets;
  actions: Action[];
  /** State after the iteration, so a timeline can show it as it was. */
  after: {
    inputs: SocketId[];
    outputs: SocketId[];
    /** [id, messages, bytes] for every connection with a non-empty queue. */
    queues: [SocketId, number, number][];
  };
}

export interface EngineOptions {
  /** `listen(backlog)`: at most backlog + 1 connections wait to be accepted, as on Linux (the seed's 5). */
  backlog: number;
  /** Bytes one recv() may return (the seed's 1024). */
  recvSize: number;
  /** Emulated SO_RCVBUF: bytes buffered per socket before TCP pushes back. */
  recvBufferSize: number;
  /** Emulated SO_SNDBUF: a socket is writable while its unflushed bytes are below this. */
  sendBufferSize: number;
  /** TCP_NODELAY, off as in the seed. */
  noDelay: boolean;
  /** Per-connection queue byte cap: a full queue stops reading that socket. */
  queueCap: number;
  /** Cap on all queues together. */
  totalQueueCap: number;
  maxConnections: number;
  /** Tutorial mode: stop the server where the original would crash. */
  stopOnCrash: boolean;
  /** Delay between iterations in Slow mode. */
  slowDelayMs: number;
  /** Iteration records kept for the timeline. */
  historySize: number;
}

export const DEFAULT_OPTIONS: EngineOptions = {
  backlog: 5,
  recvSize: 1024,
  recvBufferSize: 64 * 1024,
  sendBufferSize: 64 * 1024,
  noDelay: false,
  queueCap: 1024 * 1024,
  totalQueueCap: 64 * 1024 * 1024,
  maxConnections: 10_000,
  stopOnCrash: false,
  slowDelayMs: 500,
  historySize: 500,
};

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 50000;

export type ServerState = 'stopped' | 'starting' | 'listening' | 'crashed';

export interface ServerStatus {
  state: ServerState;
  host: string;
  port: number;
  /** The address actually bound, e.g. "127.0.0.1:50000". */
  address: string | null;
  /** Why the server is not listening, when it stopped on an error or a crash. */
  error: string | null;
}

export interface ConnectionView {
  id: SocketId;
  /** Its descriptor, as the kernel would number it; reused after a close. */
  fd: number;
  peer: string;
  queuedMessages: number;
  queuedBytes: number;
  bytesIn: number;
  bytesOut: number;
  bytesLost: number;
  /** Bytes received by the OS, waiting for recv(). */
  recvBuffered: number;
  /** Unflushed bytes counted against the emulated send buffer. */
  sendBuffered: number;
  /** The peer's EOF arrived (it may not be consumed yet). */
  eof: boolean;
  /** Safe mode: EOF consumed, read side closed, queue still flushing. */
  readClosed: boolean;
  /** The error the kernel reported (ECONNRESET, EPIPE…), raised or still waiting for the next call. */
  error: string | null;
  backpressure: BackpressureReason | null;
  openedAt: number;
}

/** A connection just opened: nothing queued, sent, received or lost yet. */
export function newConnectionView(id: SocketId, fd: number, peer: string, openedAt: number): ConnectionView {
  return {
    id,
    fd,
    peer,
    queuedMessages: 0,
    queuedBytes: 0,
    bytesIn: 0,
    bytesOut: 0,
    bytesLost: 0,
    recvBuffered: 0,
    sendBuffered: 0,
    eof: false,
    readClosed: false,
    error: null,
    backpressure: null,
    openedAt,
  };
}

export interface QueuedMessage {
  bytes: number;
  /** The first bytes of the message, base64. */
  preview: string;
}

export interface ConnectionDetail extends ConnectionView {
  queue: QueuedMessage[];
  /** Messages beyond those listed. */
  queueMore: number;
  history: Action[];
}

export interface Totals {
  accepted: number;
  closed: number;
  bytesIn: number;
  bytesOut: number;
  bytesLost: number;
  crashes: number;
}

/** Where a halted Step mode stands inside an iteration. */
export interface StepCursor {
  iteration: number;
  /** Actions already run in this iteration. */
  done: number;
  sets: SelectSets;
}

/** Where Run until last halted the loop, and why. */
export interface HaltView {
  /** The iteration it halted in. */
  n: number;
  /** What met the breakpoint, in a sentence: "#3 entered outputs". */
  reason: string;
  at: number;
}

/** The listening socket's accept queue, as `listen(backlog)` bounds it. */
export interface ListenerView {
  fd: number;
  backlog: number;
  /** Connections in the accept queue (at most backlog + 1): accept() takes the oldest. */
  queued: number;
  /** Connections that met a full queue: each joins at its next SYN retry (1 s, 3 s, 7 s… after it came) if there is room. */
  waiting: number;
  /** Wall clock (ms) of the next retry, or null when none waits. */
  nextRetryAt: number | null;
}

/** A real Python program the lab watches (electron/tracer/) instead of running its own engine. */
export interface ProgramView {
  /** The command line, as given: python3 and its arguments. */
  argv: string[];
  pid: number | null;
  /** The program's own source, when it is a file the lab could read, for the code panel. */
  file: { path: string; text: string } | null;
  /** It is the seed itself (Run the original): its lines are the seed's, and the code panel lights them. */
  original: boolean;
  /** Which call it uses, once seen: select.select, poll or epoll (selectors and asyncio use those). */
  api: 'select' | 'poll' | 'epoll' | null;
  /** The line of the program that made its last select() call. */
  selectLine: number | null;
  /** Why it is not running any more (an exit code, a signal), or null while it runs. */
  exit: string | null;
  /** Its uncaught exception, as Python printed it. */
  traceback: string | null;
  /** What the lab would like the user to know: no select() yet, an unknown event loop… */
  note: string | null;
}

export interface EngineSnapshot {
  server: ServerStatus;
  /** Null for the lab's own engine; the watched program otherwise. */
  program: ProgramView | null;
  /** Counts server starts: a new run numbers its iterations and sockets afresh. */
  run: number;
  mode: Mode;
  fidelity: Fidelity;
  options: EngineOptions;
  iteration: number;
  inputs: SocketId[];
  outputs: SocketId[];
  lastSets: SelectSets | null;
  /** Step mode, halted before select(): what it would return now. */
  pending: SelectSets | null;
  cursor: StepCursor | null;
  listener: ListenerView;
  connections: ConnectionView[];
  totals: Totals;
  /** Run until: the breakpoint the loop runs towards (absent from engines and recordings before it). */
  breakpoint?: Breakpoint | null;
  /** Where Run until halted the loop, until the next Step or Run. */
  halt?: HaltView | null;
}

/** A snapshot without its connections: what the host polls (10,000 views cost more than all the rest). */
export type EngineState = Omit<EngineSnapshot, 'connections'>;
