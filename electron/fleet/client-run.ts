import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { SpawnSpec } from '../../shared/contract';
import type { BehaviourScript, Link } from './behaviours';
import { payload } from './payload';
import type { Target } from './protocol';
import { StreamVerifier } from './verifier';

/** How a connection ended: closed as planned, or an error code (ECONNREFUSED, ECONNRESET, SERVER_CLOSED, …). */
export type RunOutcome = { error: string | null };

/** What one connection tells its client. */
export interface RunEvents {
  open(localPort: number | null): void;
  halfClosed(): void;
  /** Bytes moved (sent or echoed); the verifier may have changed. */
  progress(): void;
  rtt(ms: number): void;
  ended(outcome: RunOutcome): void;
}

/**
 * One TCP connection of a fleet client: it writes payloads, checks the echo,
 * times round trips, and runs the behaviour's script. Every timer dies with it.
 */
export class ClientRun implements Link {
  readonly verifier = new StreamVerifier();
  readonly socket: Socket;
  /** Stream offset where each message ends, and when it was sent. */
  private markers: { end: number; at: number }[] = [];
  private markerHead = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private slowRead = false;
  private shut = false;
  /** Stopped by the user: the behaviour's script no longer runs. */
  private retired = false;
  private error: string | null = null;
  bytesSent = 0;
  bytesEchoed = 0;

  constructor(
    readonly spec: SpawnSpec,
    target: Target,
    private cursor: number,
    private readonly script: BehaviourScript,
    private readonly events: RunEvents,
  ) {
    // The client is an instrument: Nagle on its side would add delay the server did not cause.
    this.socket = connect({ host: target.host, port: target.port, allowHalfOpen: true, noDelay: true });
    this.socket.on('connect', () => {
      this.events.open(this.socket.localPort ?? null);
      this.script.open(this);
    });
    this.socket.on('data', (chunk: Buffer) => this.received(chunk));
    this.socket.on('end', () => this.serverEnded());
    this.socket.on('error', (error: NodeJS.ErrnoException) => {
      this.error ??= error.code ?? 'ERROR';
    });
    this.socket.on('close', () => {
      for (const timer of this.timers) clearTimeout(timer);
      this.timers.clear();
      this.events.ended({ error: this.error });
    });
  }

  /** The payload cursor after this run, so a reconnect continues the client's stream. */
  get nextCursor(): number {
    return this.cursor;
  }

  write(bytes: number): boolean {
    const { slices, next } = payload(this.cursor, bytes);
    this.cursor = next;
    return this.writeBuffers(slices);
  }

  /** A custom message: echoed and verified like any payload. */
  writeRaw(data: Buffer): boolean {
    return this.writeBuffers([data]);
  }

  inFlight(): number {
    return this.verifier.outstanding;
  }

  shutWrite(): void {
    if (this.shut || this.socket.destroyed) return;
    this.shut = true;
    this.socket.end();
    this.events.halfClosed();
  }

  reset(): void {
    if (!this.socket.destroyed) this.socket.resetAndDestroy();
  }

  /** Closes now, without waiting for the server. */
  abort(): void {
    this.socket.destroy();
  }

  /** Stops sending and shuts the write side; aborts if the server has not closed within `graceMs`. */
  retire(graceMs: number): void {
    this.retired = true;
    this.shutWrite();
    this.later(graceMs, () => this.abort());
  }

  readSlowly(ms: number): void {
    this.slowRead = true;
    this.socket.pause();
    const tick = (): void => {
      this.socket.resume();
      this.later(ms, tick);
    };
    this.later(ms, tick);
  }

  later(ms: number, run: () => void): void {
    if (this.socket.destroyed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  onDrain(run: () => void): void {
    this.socket.once('drain', run);
  }

  private writeBuffers(buffers: Buffer[]): boolean {
    if (!this.socket.writable || this.shut) return false;
    let flowing = true;
    let bytes = 0;
    for (const buffer of buffers) {
      this.verifier.push(buffer);
      flowing = this.socket.write(buffer);
      bytes += buffer.length;
    }
    this.bytesSent += bytes;
    this.markers.push({ end: this.verifier.sent, at: performance.now() });
    this.events.progress();
    return flowing;
  }

  private received(chunk: Buffer): void {
    if (this.slowRead) this.socket.pause();
    this.bytesEchoed += chunk.length;
    this.verifier.receive(chunk);
    const now = performance.now();
    while (
      this.markerHead < this.markers.length &&
      this.markers[this.markerHead]!.end <= this.verifier.consumed
    ) {
      this.events.rtt(now - this.markers[this.markerHead]!.at);
      this.markerHead += 1;
    }
    if (this.markerHead > 1024) {
      this.markers = this.markers.slice(this.markerHead);
      this.markerHead = 0;
    }
    this.events.progress();
    if (!this.retired) this.script.progress?.(this);
  }

  /** The server's FIN: expected after our own shutdown (then anything not echoed is lost), else the server closed on us. */
  private serverEnded(): void {
    if (this.shut) this.verifier.finish();
    else this.error ??= 'SERVER_CLOSED';
    this.events.progress();
    this.socket.end();
  }
}
