/** A minimal typed event hub: `on` returns the unsubscribe function. */
export class Events<Map extends Record<string, unknown>> {
  private listeners: { [K in keyof Map]?: Set<(payload: Map[K]) => void> } = {};

  on<K extends keyof Map>(event: K, listener: (payload: Map[K]) => void): () => void {
    const set = (this.listeners[event] ??= new Set());
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<K extends keyof Map>(event: K, payload: Map[K]): void {
    const set = this.listeners[event];
    if (set) for (const listener of set) listener(payload);
  }

  has<K extends keyof Map>(event: K): boolean {
    return (this.listeners[event]?.size ?? 0) > 0;
  }
}
