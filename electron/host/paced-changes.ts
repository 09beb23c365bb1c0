/**
 * Which changed connections a batch carries, at most so many views a second. At 10,000 busy
 * connections every one changes in every batch: sending each view every time cost the host
 * a quarter of a second per batch and kept the window's renderer from its frames, to redraw
 * rows nobody can see change that fast. A connection that opens, closes or changes for the
 * first time goes at once; the others wait their turn, oldest change first, so each is at
 * most a fraction of a second behind. Under the budget (a thousand busy connections) nothing
 * waits at all.
 */
export const CONNECTION_VIEWS_PER_SECOND = 20_000;

export class PacedChanges {
  /** Changed ids not sent yet, in the order they first changed. */
  private readonly waiting = new Set<number>();
  /** Ids a batch has carried: a new one is not made to wait. */
  private readonly sent = new Set<number>();
  private tokens: number;

  constructor(
    private readonly perSecond: number = CONNECTION_VIEWS_PER_SECOND,
    private refilledAt = performance.now(),
  ) {
    this.tokens = this.burst;
  }

  /** A tenth of a second's worth: what a batch after a pause may carry. */
  private get burst(): number {
    return Math.max(1, this.perSecond / 10);
  }

  /** Changes still waiting for a batch. */
  get behind(): number {
    return this.waiting.size;
  }

  /** The ids this batch carries: new, removed, and as many waiting ones as the budget allows. */
  take(
    changes: { changed: number[]; removed: number[] },
    now: number = performance.now(),
  ): { changed: number[]; removed: number[] } {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) * this.perSecond) / 1000);
    this.refilledAt = now;
    const changed: number[] = [];
    for (const id of changes.changed) {
      if (this.sent.has(id)) this.waiting.add(id);
      else {
        this.sent.add(id);
        changed.push(id);
      }
    }
    for (const id of changes.removed) {
      this.waiting.delete(id);
      this.sent.delete(id);
    }
    for (const id of this.waiting) {
      if (this.tokens < 1) break;
      this.tokens--;
      this.waiting.delete(id);
      changed.push(id);
    }
    return { changed, removed: changes.removed };
  }
}
