import type { Socket } from 'node:net';
import type {
  Action,
  BackpressureReason,
  ConnectionDetail,
  ConnectionView,
  SocketId,
} from '../../shared/engine';
import { MessageQueue, type CapTally } from './message-queue';
import { Ring } from './ring';
import { adoptWithOwnReads } from './own-reads';

const HISTORY_LIMIT = 200;
const QUEUE_PREVIEW_MESSAGES = 256;
const QUEUE_PREVIEW_BYTES = 256;
const EMPTY = Buffer.alloc(0);

/** The errno of a stream's error (a write refused synchronously), or null. */
const errnoOf = (error: Error | null): string | null =>
  error === null ? null : ((error as NodeJS.ErrnoException).code ?? 'EIO');

/**
 * Bookkeeping charged per unflushed write, as the kernel charges skb overhead
 * against SO_SNDBUF (man 7 socket: "the kernel doubles this value to allow
 * space for bookkeeping overhead"). It is why a full buffer's free room is
 * rarely a whole message, so partial sends happen as they do in C.
 */
export const WRITE_OVERHEAD = 256;

/** What a call raised: the errno Node reported (ECONNRESET, EPIPE…). */
export interface Raised {
  error: string;
}
export type RecvResult = Buffer | Raised;
/** The count of bytes sent, as C's send() returns it, or what it raised. */
export type SendResult = number | Raised;

/**
 * One accepted connection as the kernel holds it for select(), recv() and send().
 * The bytes come from the real socket: it is kept paused except while filling an
 * emulated receive buffer, so bytes the loop has not recv()ed push back on the peer
 * through TCP. Errors follow Linux: a reset or a failed send leaves an error that
 * the next recv() or send() raises once, and makes the socket readable and writable.
 */
export class Connection {
  readonly queue: MessageQueue;
  readonly openedAt = Date.now();
  /** Its own actions, newest last (a ring: every action passes here, so no shifting). */
  private readonly history = new Ring<Action>(HISTORY_LIMIT);
  private chunks: Buffer[] = [];
  recvBuffered = 0;
  /** The peer's FIN arrived (the kernel's SOCK_DONE): once the bytes ahead are read, recv() returns b''. */
  eof = false;
  /** Safe mode: read side closed, queue still flushing. */
  readClosed = false;
  /** The kernel's pending socket error (sk_err): the next recv() or send() raises it, once. */
  private pendingError: string | null = null;
  /** Reset (by the peer, or a send the kernel refused): both directions are shut for good. */
  private reset = false;
  /** The error the kernel reported, kept for the view once raised. */
  error: string | null = null;
  closed = false;
  bytesIn = 0;
  bytesOut = 0;
  bytesLost = 0;
  backpressure: BackpressureReason | null = null;
  /** Writes the kernel did not take whole at once, whose rest has not gone out yet. */
  private unflushedWrites = 0;
  /** The bytes of one write left the buffer: writability may have changed. */
  private readonly flushed = (): void => {
    this.unflushedWrites--;
    this.changed(this);
  };

  readonly socket: Socket;

  constructor(
    readonly id: SocketId,
    readonly fd: number,
    accepted: Socket,
    readonly peer: string,
    private recvBufferSize: number,
    tally: CapTally,
    private readonly changed: (connection: Connection) => void,
  ) {
    this.queue = new MessageQueue(tally);
    const socket = adoptWithOwnReads(accepted, this.received);
    this.socket = socket ?? accepted;
    if (!socket) {
      // Torn down before accept(): the kernel would have reset it, and recv() raises that.
      this.fail('ECONNRESET');
      return;
    }
    socket.on('end', () => {
      // libuv reports a reset that arrives with the last bytes as an EOF (a POLLHUP after a
      // partial read). An empty write asks the kernel, which answers with the reset if it was one.
      socket.write(EMPTY);
      const reset = errnoOf(socket.errored);
      if (reset === null) this.eof = true;
      else this.fail(reset);
      this.changed(this);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      this.fail(error.code ?? 'EIO');
      this.changed(this);
    });
    socket.resume();
  }

  /** Bytes the kernel delivered. Reading pauses while the emulated receive buffer is full. */
  private readonly received = (chunk: Buffer): void => {
    this.chunks.push(chunk);
    this.recvBuffered += chunk.length;
    if (this.recvBuffered >= this.recvBufferSize) this.socket.pause();
    this.changed(this);
  };

  /** Level-triggered, as select() is: bytes waiting, the peer's EOF, or an error (Linux marks both readable). */
  get readable(): boolean {
    return !this.closed && (this.recvBuffered > 0 || this.eof || this.reset);
  }

  /** What the emulated send buffer holds: unflushed bytes plus their bookkeeping. */
  get sendBuffered(): number {
    return this.closed ? 0 : this.socket.writableLength + this.unflushedWrites * WRITE_OVERHEAD;
  }

  /** Room in the send buffer; a reset socket is writable too (send() then raises), as on Linux. */
  isWritable(sendBufferSize: number): boolean {
    return !this.closed && (this.reset || this.sendRoom(sendBufferSize) > 0);
  }

  private sendRoom(sendBufferSize: number): number {
    return Math.max(0, sendBufferSize - this.sendBuffered);
  }

  /** The size of the next recv(): what a recv of `size` would return now. */
  nextRecvSize(size: number): number {
    return Math.min(size, this.recvBuffered);
  }

  /**
   * `recv(size)`, as Linux's tcp_recvmsg orders it: bytes first (those ahead of a
   * reset too), then b'' after the peer's FIN, then the pending error, raised once;
   * after a reset, b'' for good.
   */
  recv(size: number): RecvResult {
    if (this.recvBuffered === 0) {
      if (!this.eof && this.pendingError !== null) return { error: this.takeError() };
      return EMPTY;
    }
    const wanted = Math.min(size, this.recvBuffered);
    const first = this.chunks[0] as Buffer;
    // Most recv()s take one chunk, or the front of one: no copy.
    const data = first.length >= wanted ? this.takeFront(wanted) : this.gather(wanted);
    this.recvBuffered -= data.length;
    this.bytesIn += data.length;
    this.resumeIfRoom();
    return data;
  }

  /** The first `wanted` bytes of the front chunk, which holds at least that many. */
  private takeFront(wanted: number): Buffer {
    const chunk = this.chunks[0] as Buffer;
    if (chunk.length > wanted) {
      this.chunks[0] = chunk.subarray(wanted);
      return chunk.subarray(0, wanted);
    }
    this.chunks.shift();
    return chunk;
  }

  /** `wanted` bytes from several chunks, copied into one. */
  private gather(wanted: number): Buffer {
    const parts: Buffer[] = [];
    for (let left = wanted; left > 0;) {
      const part = this.takeFront(Math.min(left, (this.chunks[0] as Buffer).length));
      parts.push(part);
      left -= part.length;
    }
    return Buffer.concat(parts, wanted);
  }

  /**
   * `send(data)`: writes what the send buffer has room for and returns that count, as
   * in C; raises the pending error, or EPIPE once the socket is shut. A write the
   * kernel refuses (the peer is gone) fails synchronously in Node too.
   */
  send(data: Buffer, sendBufferSize: number): SendResult {
    if (this.pendingError !== null) return { error: this.takeError() };
    if (this.reset || this.socket.destroyed) return { error: 'EPIPE' };
    const sent = Math.min(this.sendRoom(sendBufferSize), data.length);
    if (sent === 0) return 0;
    this.socket.write(sent === data.length ? data : data.subarray(0, sent));
    if (this.socket.writableLength > 0) {
      // The kernel took only part of it, or an earlier write still waits: the rest is unflushed
      // until an empty write queued behind it completes. A write the kernel took whole (the
      // common case) is in its buffer already, and needs no callback.
      this.unflushedWrites++;
      this.socket.write(EMPTY, this.flushed);
    }
    const refused = errnoOf(this.socket.errored);
    if (refused !== null) {
      this.fail(refused);
      return { error: this.takeError() };
    }
    this.bytesOut += sent;
    return sent;
  }

  /** The kernel reported an error: the socket is shut, and the next call raises it (once). */
  private fail(code: string): void {
    if (this.reset) return;
    this.reset = true;
    this.pendingError = code;
    this.error = code;
  }

  private takeError(): string {
    const error = this.pendingError ?? 'EPIPE';
    this.pendingError = null;
    return error;
  }

  setRecvBufferSize(size: number): void {
    this.recvBufferSize = size;
    this.resumeIfRoom();
  }

  /** `s.close()`: what was written still goes out (as the kernel would send it), then FIN. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.chunks = [];
    this.recvBuffered = 0;
    if (this.reset) this.socket.destroy();
    else this.socket.end(() => this.socket.destroy());
  }

  /** Immediate teardown, when the server stops. */
  destroy(): void {
    this.closed = true;
    this.socket.destroy();
  }

  remember(action: Action): void {
    this.history.push(action);
  }

  /** The view plus the queue's messages (a preview of each) and this socket's own history. */
  detail(): ConnectionDetail {
    const messages = this.queue.peek(QUEUE_PREVIEW_MESSAGES);
    return {
      ...this.view(),
      queue: messages.map((m) => ({
        bytes: m.length,
        preview: m.subarray(0, QUEUE_PREVIEW_BYTES).toString('base64'),
      })),
      queueMore: this.queue.length - messages.length,
      history: this.history.toArray(),
    };
  }

  view(): ConnectionView {
    return {
      id: this.id,
      fd: this.fd,
      peer: this.peer,
      queuedMessages: this.queue.length,
      queuedBytes: this.queue.bytes,
      bytesIn: this.bytesIn,
      bytesOut: this.bytesOut,
      bytesLost: this.bytesLost,
      recvBuffered: this.recvBuffered,
      sendBuffered: this.sendBuffered,
      eof: this.eof,
      readClosed: this.readClosed,
      error: this.error,
      backpressure: this.backpressure,
      openedAt: this.openedAt,
    };
  }

  private resumeIfRoom(): void {
    if (!this.closed && this.recvBuffered < this.recvBufferSize && this.socket.isPaused())
      this.socket.resume();
  }
}
