/**
 * When the loop makes its next pass: on the next turn of Node's event loop
 * (Run), or after a delay (Slow). At most one pass is pending at a time.
 */
export class Pacer {
  private immediate: NodeJS.Immediate | null = null;
  private timer: NodeJS.Timeout | null = null;
  // Made once: scheduling runs on the hot path of every pass.
  private readonly run = (): void => {
    this.immediate = null;
    this.timer = null;
    this.pass();
  };

  constructor(private readonly pass: () => void) {}

  /** Schedules a pass unless one is pending; a delay of null means "next turn". */
  schedule(delayMs: number | null): void {
    if (this.immediate || this.timer) return;
    if (delayMs === null) this.immediate = setImmediate(this.run);
    else this.timer = setTimeout(this.run, delayMs);
  }

  cancel(): void {
    if (this.immediate) clearImmediate(this.immediate);
    if (this.timer) clearTimeout(this.timer);
    this.immediate = null;
    this.timer = null;
  }
}
