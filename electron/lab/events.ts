/** A minimal typed event hub: `on` returns the unsubscribe function. */
export class Events<Map extends Record<string, unknown>> {
  // A Map, not an object indexed by name: emit runs for every action, and a keyed load
  // over several names is a megamorphic lookup in V8.
  private readonly listeners = new globalThis.Map<keyof Map, Set<(payload: never) => void>>();

  on<K extends keyof Map>(event: K, listener: (payload: Map[K]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<K extends keyof Map>(event: K, payload: Map[K]): void {
    const set = this.listeners.get(event) as Set<(payload: Map[K]) => void> | undefined;
    if (set) for (const listener of set) listener(payload);
  }

  has<K extends keyof Map>(event: K): boolean {
    return (this.listeners.get(event)?.size ?? 0) > 0;
  }
}
