import { emptyByState, type Behaviour, type ClientState, type ClientView } from '../../shared/fleet';

/**
 * The parent's copy of every client view, and what changed since the host
 * last asked. Ids are handed out before the fleet process knows them, so a
 * late report about a forgotten client is ignored.
 */
export class ClientBook {
  private readonly views = new Map<number, ClientView>();
  private changed = new Set<number>();
  private removed = new Set<number>();

  add(ids: number[], behaviour: Behaviour): void {
    for (const id of ids) {
      this.views.set(id, {
        id,
        behaviour,
        state: 'connecting',
        error: null,
        localPort: null,
        bytesSent: 0,
        bytesEchoed: 0,
        verification: { state: 'pending' },
        rttP50: null,
        rttP99: null,
      });
      this.changed.add(id);
    }
  }

  put(view: ClientView): void {
    if (!this.views.has(view.id)) return;
    this.views.set(view.id, view);
    this.changed.add(view.id);
  }

  remove(ids: Iterable<number>): void {
    for (const id of ids) {
      const view = this.views.get(id);
      if (!view) continue;
      this.views.delete(id);
      this.changed.delete(id);
      this.removed.add(id);
    }
  }

  clear(): void {
    this.remove([...this.views.keys()]);
  }

  /** Marks every client failed (its process died); returns how many were still connected or connecting. */
  failAll(code: string): number {
    let live = 0;
    for (const view of this.views.values()) {
      if (view.state !== 'closed' && view.state !== 'error') live += 1;
      this.views.set(view.id, { ...view, state: 'error', error: code });
      this.changed.add(view.id);
    }
    return live;
  }

  get(id: number): ClientView | undefined {
    return this.views.get(id);
  }

  all(): ClientView[] {
    return [...this.views.values()];
  }

  live(): number {
    return this.views.size;
  }

  /**
   * The newest client at local port `port`. A walk, not an index kept on every report:
   * nothing on a hot path asks (the window derives its own, renderer/…/clients/origin.ts).
   */
  byPort(port: number): number | null {
    let found: number | null = null;
    for (const view of this.views.values()) if (view.localPort === port) found = view.id;
    return found;
  }

  byState(): Record<ClientState, number> {
    const counts = emptyByState();
    for (const view of this.views.values()) counts[view.state] += 1;
    return counts;
  }

  takeChanges(): { changed: number[]; removed: number[] } {
    const result = { changed: [...this.changed], removed: [...this.removed] };
    this.changed = new Set();
    this.removed = new Set();
    return result;
  }
}
