import type { LabDelta } from '../../../shared/contract';
import { mergeDeltas } from '../../../shared/delta';

/**
 * Batches apply at most this often. A batch after a quiet spell goes in at once; one that comes
 * sooner waits, merged with any others, for the next animation frame past the interval. The
 * lists follow the lab at up to 30 redraws a second instead of one per batch: each redraw (the
 * lists, style, layout, paint) costs the same whether one batch or three went into it.
 */
export const APPLY_MS = 33;
/** A frame due this close to the end of the interval takes the batch: waiting for the next would overshoot more. */
const HALF_FRAME_MS = 8;
/** A hidden window draws no frames: pending batches still go in this long after they are due. */
const HIDDEN_MS = 250;

/**
 * Merges batches that arrive closer than `ms` apart (shared/delta.ts: the same result as
 * applying them one by one, records beyond `keep()` counted as coalesced) and applies them
 * together, once per animation frame at most. Memory stays bounded by the state however long
 * frames are held back.
 */
export class DeltaPacer {
  private pending: LabDelta | null = null;
  private last = -Infinity;
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly apply: (delta: LabDelta) => void,
    /** Records worth keeping in a merged batch: the store keeps no more. */
    private readonly keep: () => number,
    private readonly ms = APPLY_MS,
  ) {}

  push(delta: LabDelta): void {
    // A new run renumbers everything: what came before it goes in first, unmerged.
    if (this.pending && delta.engine.run !== undefined) this.flush();
    this.pending = this.pending ? mergeDeltas(this.pending, delta, this.keep()) : delta;
    const wait = this.last + this.ms - performance.now();
    if (wait <= 0 && this.frame === 0) return this.flush();
    this.schedule(wait);
  }

  /** Applies what is pending now (before a snapshot or a reset replaces the state). */
  flush(): void {
    this.cancel();
    const delta = this.pending;
    this.pending = null;
    if (!delta) return;
    this.last = performance.now();
    this.apply(delta);
  }

  /** Drops what is pending (the window starts over from a snapshot). */
  dispose(): void {
    this.cancel();
    this.pending = null;
  }

  private cancel(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    this.frame = 0;
    this.timer = undefined;
  }

  private schedule(wait: number): void {
    if (this.frame !== 0 || this.timer !== undefined) return;
    const onFrame = (): void => {
      this.frame = 0;
      if (this.last + this.ms - performance.now() > HALF_FRAME_MS)
        return void (this.frame = requestAnimationFrame(onFrame));
      this.flush();
    };
    this.frame = requestAnimationFrame(onFrame);
    this.timer = setTimeout(() => this.flush(), Math.max(0, wait) + HIDDEN_MS);
  }
}
