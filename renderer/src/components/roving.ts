import { defaultRangeExtractor, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { TabStop } from './tab-stop';

/**
 * One tab stop per list ("roving tabindex", WAI-ARIA APG): Tab reaches a list once, on its
 * active row; ↑ ↓ Home End PageUp PageDown move between rows. A list of 1,000 sockets is one
 * Tab, not 1,000. Rows take their tabIndex from useRovingTabIndex (tab-stop.ts).
 */

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]';
/** Each row's element in the list carries its key here (VirtualList sets it). */
const ROW_KEY_ATTRIBUTE = 'data-row-key';

const moves = (page: number): Record<string, number> => ({
  ArrowDown: 1,
  ArrowUp: -1,
  PageDown: page,
  PageUp: -page,
  Home: -Infinity,
  End: Infinity,
});

interface Chosen<K> {
  key: K;
  /** Where it was when chosen: its place goes to the row that takes it if it leaves. */
  index: number;
}

interface RovingRows {
  /** For TabStopContext: which row holds the stop. */
  tabStop: TabStop;
  /**
   * The row the user picked (by focus or the keys), while it is in the list: `at` its place now,
   * `slot` its place when picked. VirtualList keeps its element, so focus moves with it.
   */
  pinned: { at: number; slot: number } | null;
  /** For the virtualizer: the rows in view, plus the active one wherever it is. */
  rangeExtractor: (range: Range) => number[];
  onKeyDown: (event: KeyboardEvent) => void;
  onFocus: (event: FocusEvent) => void;
  onBlur: (event: FocusEvent) => void;
}

/**
 * Roving focus over `keys` (rows in order) rendered inside `list`, each row element marked
 * with `data-row-key`. The active row stays rendered while virtualized, so focus is never
 * dropped by scrolling; if the focused row leaves the list (its socket closed, its queue
 * emptied), focus goes to the row that took its place, or to the list itself when it is empty.
 */
export function useRovingRows<K extends number>(
  keys: readonly K[],
  list: RefObject<HTMLElement | null>,
  rowsPerPage: () => number,
): RovingRows {
  const [chosen, setChosen] = useState<Chosen<K> | null>(null);
  const [tabStop] = useState(() => new TabStop());
  const focused = useRef<HTMLElement | null>(null);
  const focusActive = useRef(false);

  const found = chosen === null ? -1 : keys.indexOf(chosen.key);
  const index = keys.length === 0 ? -1 : found >= 0 ? found : Math.min(chosen?.index ?? 0, keys.length - 1);
  const activeKey = keys[index] ?? null;

  const choose = (key: K, at: number): void =>
    setChosen((was) => (was?.key === key && was.index === at ? was : { key, index: at }));

  useLayoutEffect(() => tabStop.set(activeKey), [tabStop, activeKey]);

  useLayoutEffect(() => {
    const active = document.activeElement;
    const dropped =
      focused.current !== null &&
      !focused.current.isConnected &&
      (active === null || active === document.body);
    if (!focusActive.current && !dropped) return;
    focusActive.current = false;
    const row = list.current?.querySelector(`[${ROW_KEY_ATTRIBUTE}="${activeKey}"]`);
    (row?.querySelector<HTMLElement>(FOCUSABLE) ?? list.current)?.focus();
  });

  const rangeExtractor = useCallback(
    (range: Range): number[] => {
      const rows = defaultRangeExtractor(range);
      return index < 0 || rows.includes(index) ? rows : [...rows, index].sort((a, b) => a - b);
    },
    [index],
  );

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey || index < 0) return;
    const move = moves(Math.max(1, rowsPerPage() - 1))[event.key];
    if (move === undefined) return;
    event.preventDefault(); // the row scrolls into view by taking focus
    const next = Math.min(keys.length - 1, Math.max(0, index + move));
    const key = keys[next];
    if (key === undefined) return;
    choose(key, next);
    focusActive.current = true;
  };

  // A row focused by a click or by script becomes the tab stop. Tabbing onto the default top
  // row does not pin it: the stop keeps following the top (the newest iteration, the listener).
  const onFocus = (event: FocusEvent): void => {
    const target = event.target as HTMLElement;
    focused.current = target;
    const key = Number(target.closest(`[${ROW_KEY_ATTRIBUTE}]`)?.getAttribute(ROW_KEY_ATTRIBUTE));
    const at = keys.indexOf(key as K);
    if (at > 0 || (at === 0 && chosen !== null)) choose(key as K, at);
  };

  // Focus moved on by the user (the element is still there): nothing to keep. Chrome blurs an
  // element before removing it, so this looks once the commit is done (the layout effect above
  // has run by then and seen the row gone).
  const onBlur = (event: FocusEvent): void => {
    const target = event.target as HTMLElement;
    queueMicrotask(() => {
      if (target.isConnected && focused.current === target) focused.current = null;
    });
  };

  return {
    tabStop,
    pinned: chosen && found >= 0 ? { at: found, slot: chosen.index } : null,
    rangeExtractor,
    onKeyDown,
    onFocus,
    onBlur,
  };
}
