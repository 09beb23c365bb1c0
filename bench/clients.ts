import net from 'node:net';
import type { Meter } from './meter';
import { matchesStream, PERIOD, streamSlice } from './pattern';
import type { LoadSpec } from './protocol';

/** Unechoed bytes a streaming client keeps in flight. */
const STREAM_WINDOW = 4 * 1024 * 1024;

/** Where client `index` starts in the pattern stream: far enough apart that mix-ups show. */
function baseOf(index: number): number {
  return (index * 7919) % PERIOD;
}

/**
 * One echo client: sends from its own offset in the pattern stream and checks
 * every byte that comes back against what it sent, in order.
 */
abstract class EchoClient {
  readonly socket: net.Socket;
  protected sent = 0;
  protected received = 0;
  protected bad = false;
  private rounds = 0;
  private readonly base: number;

  constructor(
    protected readonly spec: LoadSpec,
    index: number,
    protected readonly meter: Meter,
    /** Called once the client is ready to be measured. */
    protected readonly onReady: () => void,
  ) {
    this.base = baseOf(index);
    meter.attempted++;
    this.socket = net.connect({ host: spec.host, port: spec.port, noDelay: true });
    this.socket.on('connect', () => {
      meter.connected++;
      this.connected();
    });
    this.socket.on('data', (chunk: Buffer) => this.data(chunk));
    this.socket.on('error', (error) => meter.error(error));
  }

  /** Called when the window opens (or at connect, if it already has). */
  abstract begin(): void;
  protected abstract echoed(): void;

  protected connected(): void {
    this.onReady();
    if (this.meter.running) this.begin();
  }

  protected write(length: number): boolean {
    const ok = this.socket.write(streamSlice(this.base + this.sent, length));
    this.sent += length;
    return ok;
  }

  /** Counts the client as served at its first full echo; true that first time. */
  protected served(): boolean {
    if (this.rounds++ > 0) return false;
    this.meter.served++;
    return true;
  }

  private data(chunk: Buffer): void {
    if (this.bad) return;
    if (this.received + chunk.length > this.sent || !matchesStream(chunk, this.base + this.received)) {
      this.bad = true;
      this.meter.mismatches++;
      this.socket.destroy();
      return;
    }
    this.received += chunk.length;
    this.meter.checked(chunk.length);
    this.echoed();
  }
}

/**
 * Sends one message, waits for all of it to come back, repeats. Ready after its
 * first echo, so the window measures steady state, not accept() order.
 */
export class PingPongClient extends EchoClient {
  private sentAt = 0;

  begin(): void {
    if (this.sent === this.received && !this.bad) this.send();
  }

  protected override connected(): void {
    this.send();
  }

  protected echoed(): void {
    if (this.received !== this.sent) return;
    this.meter.roundTrip((performance.now() - this.sentAt) * 1000);
    if (this.served()) this.onReady();
    if (this.meter.running) this.send();
  }

  private send(): void {
    this.sentAt = performance.now();
    this.write(this.spec.size);
  }
}

/** Writes continuously, keeping STREAM_WINDOW bytes in flight, and checks the echo. */
export class StreamClient extends EchoClient {
  constructor(spec: LoadSpec, index: number, meter: Meter, onReady: () => void) {
    super(spec, index, meter, onReady);
    this.socket.on('drain', () => this.begin());
  }

  begin(): void {
    while (this.meter.running && !this.bad && this.sent - this.received < STREAM_WINDOW) {
      if (!this.write(Math.min(this.spec.size, PERIOD))) return;
    }
  }

  protected echoed(): void {
    this.served();
    this.begin();
  }
}

/** Connects, sends one message, waits for its echo, closes: the connect storm's unit. */
export class StormClient extends EchoClient {
  private readonly startedAt = performance.now();

  begin(): void {
    this.write(this.spec.size);
  }

  protected echoed(): void {
    if (this.received !== this.sent) return;
    this.meter.roundTrip((performance.now() - this.startedAt) * 1000);
    this.served();
    this.socket.end();
  }
}
