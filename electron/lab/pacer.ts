/**
 * When the loop makes its next pass: on the next turn of Node's event loop
 * (Run), or after a delay (Slow). At most one pass is pending at a time.
 */
export class Pacer {
  private pending: { cancel: () => void } | null = null;

  constructor(private readonly pass: () => void) {}

  /** Schedules a pass unless one is pending; a delay of null means "next turn". */
  schedule(delayMs: number | null): void {
    if (this.pending) return;
    const run = (): void => {
      this.pending = null;
      this.pass();
    };
    if (delayMs === null) {
      const immediate = setImmediate(run);
      this.pending = { cancel: () => clearImmediate(immediate) };
    } else {
      const timer = setTimeout(run, delayMs);
      this.pending = { cancel: () => clearTimeout(timer) };
    }
  }

  cancel(): void {
    this.pending?.cancel();
    this.pending = null;
  }
}
