import type { RawData, WebSocket } from 'ws';
import type { LabDelta } from '../../shared/contract';
import { packDelta } from '../../shared/delta-wire';
import { fail } from '../../shared/result';
import { CLOSE_TOO_SLOW, MAX_IN_FLIGHT, type WireMessage, type WireRequest } from '../../shared/wire';
import type { LabHost } from '../host/lab-host';
import type { Subscriber } from '../host/subscribers';
import { readFrame, reply } from './requests';

/** How much one WebSocket client may have queued for it, and for how long. */
export interface BridgeLimits {
  /** Bytes queued for the client (replies and batches alike) past which replies wait and batches merge. */
  sendBudget: number;
  /** A client that stays over its budget this long is disconnected. */
  stallMs: number;
}

export const DEFAULT_LIMITS: BridgeLimits = { sendBudget: 2 * 1024 * 1024, stallMs: 10_000 };

/** Each batch packed and serialized once, however many windows it goes to. */
const deltaFrames = new WeakMap<LabDelta, string>();

function deltaFrame(delta: LabDelta): string {
  let frame = deltaFrames.get(delta);
  if (frame === undefined) {
    frame = JSON.stringify({ type: 'delta', delta: packDelta(delta) } satisfies WireMessage);
    deltaFrames.set(delta, frame);
  }
  return frame;
}

/** Replies computed at once for one client: each may take the queue past the budget by one reply. */
const MAX_RUNNING = 4;

const BUSY_MESSAGE =
  `The lab server is busy: this window already has ${MAX_IN_FLIGHT} requests waiting for replies. ` +
  'Try again in a moment.';

/**
 * One WebSocket client of the bridge. Every byte queued for it counts against its send
 * budget: past it, replies wait (and the hub merges batches); past twice the budget, its
 * requests are no longer read; over the budget for `stallMs`, it is disconnected with a
 * reason it can show. A request holds its in-flight slot until its reply is written out.
 */
export class BridgeConnection {
  private readonly waiting: WireRequest[] = [];
  private inFlight = 0;
  private running = 0;
  private stall: NodeJS.Timeout | undefined;
  private disposed = false;

  /** The hub's view of this client: batches wait, merged, while it is over budget. */
  readonly subscriber: Subscriber = {
    send: (delta: LabDelta) => this.write(deltaFrame(delta)),
    busy: () => this.overBudget,
  };

  constructor(
    private readonly ws: WebSocket,
    private readonly host: LabHost,
    private readonly limits: BridgeLimits = DEFAULT_LIMITS,
  ) {}

  private get overBudget(): boolean {
    return this.ws.bufferedAmount >= this.limits.sendBudget;
  }

  /** One frame from the client: queued, or answered at once with an error or a refusal carrying its id. */
  receive(data: RawData, isBinary: boolean): void {
    if (this.disposed) return;
    const frame = readFrame(data, isBinary);
    if (!frame.ok) return this.write(frame.reply);
    if (this.inFlight >= MAX_IN_FLIGHT)
      return this.write(reply(frame.request.id, fail('BUSY', BUSY_MESSAGE)));
    this.inFlight += 1;
    this.waiting.push(frame.request);
    this.pump();
  }

  /** The client went away: nothing more is answered. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.stall);
    this.waiting.length = 0;
  }

  /** Starts waiting requests while the client is under budget. */
  private pump(): void {
    while (this.running < MAX_RUNNING && !this.overBudget) {
      const request = this.waiting.shift();
      if (!request) break;
      this.answer(request);
    }
    this.watch();
  }

  private answer({ id, command, args }: WireRequest): void {
    this.running += 1;
    void this.host.command(command, args).then((result) => {
      this.running -= 1;
      this.write(reply(id, result), () => (this.inFlight -= 1));
    });
  }

  /** Queues a message (or a frame made already); `written` runs once it has left for the client (or never will). */
  private write(message: WireMessage | string, written?: () => void): void {
    if (this.ws.readyState !== this.ws.OPEN) return written?.();
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message), () => {
      written?.();
      this.pump();
    });
    this.watch();
  }

  /** Reads from a client only while it reads too; disconnects one that stays over budget. */
  private watch(): void {
    if (this.disposed) return;
    const buffered = this.ws.bufferedAmount;
    if (buffered >= 2 * this.limits.sendBudget) this.ws.pause();
    else if (this.ws.isPaused) this.ws.resume();
    if (buffered < this.limits.sendBudget) {
      clearTimeout(this.stall);
      this.stall = undefined;
    } else this.stall ??= setTimeout(() => this.disconnect(), this.limits.stallMs);
  }

  private disconnect(): void {
    const { sendBudget, stallMs } = this.limits;
    const size =
      sendBudget >= 2 ** 20
        ? `${Math.round(sendBudget / 2 ** 20)} MiB`
        : `${Math.round(sendBudget / 1024)} KiB`;
    // At most 123 bytes: the window shows it. ws destroys the socket if the close is not answered.
    const why = `This window fell behind: over ${size} of updates unread for ${Math.round(stallMs / 1000)} s.`;
    this.ws.close(CLOSE_TOO_SLOW, why);
    this.dispose();
    // Read again, so the client's answer to the close completes the handshake (its frames are ignored now).
    this.ws.resume();
  }
}
