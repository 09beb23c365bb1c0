import type { Socket } from 'node:net';
import type {
  Action,
  BackpressureReason,
  ConnectionDetail,
  ConnectionView,
  SocketId,
} from '../../shared/engine';
import { MessageQueue, type ByteTally } from './message-queue';

const HISTORY_LIMIT = 200;
const QUEUE_PREVIEW_MESSAGES = 256;
const QUEUE_PREVIEW_BYTES = 256;

/**
 * Bookkeeping charged per unflushed write, as the kernel charges skb overhead
 * against SO_SNDBUF (man 7 socket: "the kernel doubles this value to allow
 * space for bookkeeping overhead"). It is why a full buffer's free room is
 * rarely a whole message, so partial sends happen as they do in C.
 */
export const WRITE_OVERHEAD = 256;

export type SendResult = { sent: number } | { error: string };

/**
 * One accepted connection as select() sees it. Readiness comes from the real
 * socket: it is kept paused except while filling an emulated receive buffer,
 * so bytes the loop has not recv()ed push back on the peer through TCP.
 */
export class Connection {
  readonly queue: MessageQueue;
  readonly openedAt = Date.now();
  readonly history: Action[] = [];
  private chunks: Buffer[] = [];
  recvBuffered = 0;
  /** The peer's FIN arrived. */
  eof = false;
  /** recv() has returned b'' once. */
  eofConsumed = false;
  /** Safe mode: read side closed, queue still flushing. */
  readClosed = false;
  error: string | null = null;
  closed = false;
  bytesIn = 0;
  bytesOut = 0;
  bytesLost = 0;
  backpressure: BackpressureReason | null = null;
  /** Writes handed to the socket whose completion callback has not run yet. */
  private unflushedWrites = 0;
  /** The bytes of one write left the buffer: writability may have changed. */
  private readonly flushed = (): void => {
    this.unflushedWrites--;
    this.changed(this);
  };

  constructor(
    readonly id: SocketId,
    readonly socket: Socket,
    readonly peer: string,
    private recvBufferSize: number,
    tally: ByteTally,
    private readonly changed: (connection: Connection) => void,
  ) {
    this.queue = new MessageQueue(tally);
    socket.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.recvBuffered += chunk.length;
      if (this.recvBuffered >= this.recvBufferSize) socket.pause();
      this.changed(this);
    });
    socket.on('end', () => {
      this.eof = true;
      this.changed(this);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      this.error ??= error.code ?? error.message;
      this.changed(this);
    });
    socket.resume();
  }

  /** Level-triggered, as select() is: data waiting, or an EOF not yet seen by recv(). */
  get readable(): boolean {
    return !this.closed && this.error === null && (this.recvBuffered > 0 || (this.eof && !this.eofConsumed));
  }

  get exceptional(): boolean {
    return !this.closed && this.error !== null;
  }

  /** What the emulated send buffer holds: unflushed bytes plus their bookkeeping. */
  get sendBuffered(): number {
    return this.closed ? 0 : this.socket.writableLength + this.unflushedWrites * WRITE_OVERHEAD;
  }

  /** Room in the send buffer; a socket with a pending error is writable too (send() then fails), as in C. */
  isWritable(sendBufferSize: number): boolean {
    return !this.closed && (this.error !== null || this.sendRoom(sendBufferSize) > 0);
  }

  private sendRoom(sendBufferSize: number): number {
    return Math.max(0, sendBufferSize - this.sendBuffered);
  }

  /** The size of the next recv(): what a recv of `size` would return now. */
  nextRecvSize(size: number): number {
    return Math.min(size, this.recvBuffered);
  }

  /** `recv(size)`: at most `size` bytes; an empty buffer means EOF. */
  recv(size: number): Buffer {
    if (this.recvBuffered === 0) {
      this.eofConsumed = this.eof;
      return Buffer.alloc(0);
    }
    const parts: Buffer[] = [];
    let wanted = Math.min(size, this.recvBuffered);
    while (wanted > 0) {
      const chunk = this.chunks[0] as Buffer;
      if (chunk.length <= wanted) {
        parts.push(chunk);
        this.chunks.shift();
        wanted -= chunk.length;
      } else {
        parts.push(chunk.subarray(0, wanted));
        this.chunks[0] = chunk.subarray(wanted);
        wanted = 0;
      }
    }
    const data = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
    this.recvBuffered -= data.length;
    this.bytesIn += data.length;
    this.resumeIfRoom();
    return data;
  }

  /** `send(data)`: writes what the send buffer has room for and returns that count, as in C. */
  send(data: Buffer, sendBufferSize: number): SendResult {
    if (this.error !== null || this.socket.destroyed) return { error: this.error ?? 'EPIPE' };
    const sent = Math.min(this.sendRoom(sendBufferSize), data.length);
    if (sent > 0) {
      this.unflushedWrites++;
      this.socket.write(sent === data.length ? data : data.subarray(0, sent), this.flushed);
    }
    this.bytesOut += sent;
    return { sent };
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
    if (this.error !== null) this.socket.destroy();
    else this.socket.end(() => this.socket.destroy());
  }

  /** Immediate teardown, when the server stops. */
  destroy(): void {
    this.closed = true;
    this.socket.destroy();
  }

  remember(action: Action): void {
    this.history.push(action);
    if (this.history.length > HISTORY_LIMIT) this.history.shift();
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
      history: [...this.history],
    };
  }

  view(): ConnectionView {
    return {
      id: this.id,
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
