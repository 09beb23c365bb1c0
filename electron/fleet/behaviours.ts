import type { SpawnSpec } from '../../shared/contract';
import type { Behaviour } from '../../shared/fleet';

/** What a behaviour can do with its connection; timers die with the connection. */
export interface Link {
  readonly spec: SpawnSpec;
  /** Writes `bytes` of payload; false when the socket asks to wait for 'drain'. */
  write(bytes: number): boolean;
  /** Sent and not yet echoed (or counted lost). */
  inFlight(): number;
  shutWrite(): void;
  reset(): void;
  /** Read one chunk every `ms`, leaving the rest in the kernel (and the server's send buffer). */
  readSlowly(ms: number): void;
  later(ms: number, run: () => void): void;
  onDrain(run: () => void): void;
}

/** A behaviour reacts to the connection opening and to echo progress. */
export interface BehaviourScript {
  open(link: Link): void;
  /** Called after echoed bytes were checked. */
  progress?(link: Link): void;
}

/** Caps bytes in flight for continuous senders, so a stalled server never grows the fleet's memory. */
const STREAM_IN_FLIGHT = 4 * 1024 * 1024;
const SLOW_READER_IN_FLIGHT = 32 * 1024 * 1024;
const SLOW_READ_MS = 100;

/** Sends one message, then the next once it is echoed and the interval passed. */
const echo: BehaviourScript = {
  open: (link) => link.write(link.spec.messageSize),
  progress(link) {
    if (link.inFlight() > 0) return;
    const next = (): void => void link.write(link.spec.messageSize);
    if (link.spec.intervalMs > 0) link.later(link.spec.intervalMs, next);
    else next();
  },
};

/**
 * Keeps at most `cap` bytes in flight: on a timer when an interval is set,
 * else as fast as TCP drains. Returns a kick that resumes a sender parked at the cap.
 */
function pump(link: Link, cap: number): () => void {
  const { messageSize, intervalMs } = link.spec;
  if (intervalMs > 0) {
    const tick = (): void => {
      if (link.inFlight() < cap) link.write(messageSize);
      link.later(intervalMs, tick);
    };
    tick();
    return () => undefined;
  }
  let draining = false;
  const fill = (): void => {
    while (!draining && link.inFlight() < cap) {
      if (!link.write(messageSize)) {
        draining = true;
        link.onDrain(() => {
          draining = false;
          fill();
        });
      }
    }
  };
  fill();
  return fill;
}

/** A continuous sender; `slowRead` makes it read one chunk per interval instead of everything. */
function continuous(cap: number, slowRead: boolean): BehaviourScript {
  const kicks = new WeakMap<Link, () => void>();
  return {
    open(link) {
      if (slowRead) link.readSlowly(SLOW_READ_MS);
      kicks.set(link, pump(link, cap));
    },
    progress(link) {
      if (link.inFlight() < cap / 2) kicks.get(link)?.();
    },
  };
}

/** The scripts, by behaviour name. */
export const BEHAVIOUR_SCRIPTS: Record<Behaviour, BehaviourScript> = {
  echo,
  burst: { open: (link) => link.write(link.spec.messageSize) },
  stream: continuous(STREAM_IN_FLIGHT, false),
  'slow-reader': continuous(SLOW_READER_IN_FLIGHT, true),
  'half-close': {
    open(link) {
      link.write(link.spec.messageSize);
      link.shutWrite();
    },
  },
  reset: {
    open: (link) => link.write(link.spec.messageSize),
    // Abort once the echo is back, so the server sees the RST on an idle connection.
    progress(link) {
      if (link.inFlight() === 0) link.reset();
    },
  },
  idle: { open: () => undefined },
};
