import type { LabDelta } from '../../shared/contract';
import { mergeDeltas } from '../../shared/delta';

/** One receiver of batches: a window's webContents, a WebSocket. */
export interface Subscriber {
  send(delta: LabDelta): void;
  /** True while the transport still holds too much unsent data (slow reader). */
  busy?(): boolean;
}

interface Entry {
  subscriber: Subscriber;
  /** Batches a busy subscriber has not taken yet, merged into one. */
  pending: LabDelta | null;
}

/**
 * Fans batches out. A busy subscriber gets nothing sent; its batches merge into one
 * pending batch whose size is bounded by the state, so it never grows memory with time.
 */
export class SubscriberHub {
  private readonly entries = new Set<Entry>();

  get size(): number {
    return this.entries.size;
  }

  add(subscriber: Subscriber): () => void {
    const entry: Entry = { subscriber, pending: null };
    this.entries.add(entry);
    return () => this.entries.delete(entry);
  }

  publish(delta: LabDelta): void {
    for (const entry of this.entries)
      entry.pending = entry.pending ? mergeDeltas(entry.pending, delta) : delta;
    this.drain();
  }

  /** Send what is pending to every subscriber that can take it now. */
  drain(): void {
    for (const entry of this.entries) {
      if (!entry.pending || entry.subscriber.busy?.()) continue;
      const delta = entry.pending;
      entry.pending = null;
      try {
        entry.subscriber.send(delta);
      } catch (error) {
        // A transport that throws is gone: stop feeding it rather than the others.
        this.entries.delete(entry);
        console.warn('Dropped a subscriber whose send failed:', error);
      }
    }
  }
}
