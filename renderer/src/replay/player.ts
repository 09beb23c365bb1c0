import type { IterationRecord } from '../../../shared/engine';

/** A gap longer than this in the recording plays as this long: nobody wants to watch a minute of nothing. */
export const MAX_GAP_MS = 1000;
/** Records one tick may run: a fast recording played fast stays responsive. */
export const MAX_PER_TICK = 5000;

/**
 * The recorded pace: maps wall time since Play to the recording's own clock, `speed` times
 * faster, with long idle gaps shortened. Asks whether the next record is due.
 */
export class RecordedClock {
  private wallStart = 0;
  /** The recording's time the clock stood at when Play (or a gap skip) started it. */
  private recordStart = 0;

  constructor(private speed: number) {}

  start(now: number, at: number): void {
    this.wallStart = now;
    this.recordStart = at;
  }

  setSpeed(speed: number, now: number): void {
    this.recordStart = this.time(now);
    this.wallStart = now;
    this.speed = speed;
  }

  /** The recording's time now. */
  time(now: number): number {
    return this.recordStart + (now - this.wallStart) * this.speed;
  }

  /** Whether `next` is due; a long gap before it is cut short by moving the clock on. */
  due(next: IterationRecord, previousAt: number, now: number): boolean {
    if (next.at - previousAt > MAX_GAP_MS && this.time(now) >= previousAt + MAX_GAP_MS) {
      this.start(now, next.at);
      return true;
    }
    return next.at <= this.time(now);
  }
}
