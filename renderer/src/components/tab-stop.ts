import { createContext, useContext, useSyncExternalStore } from 'react';

/**
 * Which row of a list holds its one tab stop. Rows read it through useRovingTabIndex, each
 * re-rendering only when its own answer flips: when the stop moves, two rows render, not
 * every row in view (the timeline's top row changes on every batch under load).
 */
export class TabStop {
  private key: number | null = null;
  private readonly listeners = new Set<() => void>();

  readonly get = (): number | null => this.key;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(key: number | null): void {
    if (key === this.key) return;
    this.key = key;
    for (const listener of this.listeners) listener();
  }
}

/** The tab stop of the list a row is in; null outside such a list. */
export const TabStopContext = createContext<TabStop | null>(null);

const ALWAYS = (): (() => void) => () => undefined;

/** A row control's tabIndex: 0 on its list's stop (or outside a roving list), else -1. */
export function useRovingTabIndex(key: number): 0 | -1 {
  const stop = useContext(TabStopContext);
  const here = useSyncExternalStore(stop?.subscribe ?? ALWAYS, () => stop === null || stop.get() === key);
  return here ? 0 : -1;
}
