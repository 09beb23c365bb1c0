import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';
import { useRovingRows } from './roving';
import { TabStopContext } from './tab-stop';

/** The element a row at `index` takes: its own place's, but the picked row keeps the one it had. */
function slotOf(index: number, pinned: { at: number; slot: number } | null): number {
  if (pinned && index === pinned.at) return pinned.slot;
  if (pinned && index === pinned.slot) return pinned.at;
  return index;
}

interface VirtualListProps<K extends number> {
  /** The list's accessible name. */
  label: string;
  ids: readonly K[];
  rowHeight: number;
  /** Rows kept beyond the visible ones, for smooth scrolling. */
  overscan: number;
  /** jsdom has no layout: a plausible viewport height so tests see the first rows. */
  initialHeight: number;
  scrollerClass: string;
  /** One row's control; it takes `useRovingTabIndex(id)` (tab-stop.ts) as its tabIndex. */
  renderRow: (id: K, index: number) => ReactNode;
  /** Shown inside the scroller above the (empty) list, e.g. an empty-state hint. */
  before?: ReactNode;
}

/**
 * A `role="list"` of fixed-height rows, virtualized: only the rows in view (plus
 * `overscan`, plus the focused one) are in the DOM, each a `listitem` with its position in
 * the set. One tab stop; the arrow keys move between rows (see roving.ts).
 */
export function VirtualList<K extends number>(props: VirtualListProps<K>) {
  const { ids, rowHeight } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const roving = useRovingRows(ids, list, () =>
    Math.floor((scroller.current?.clientHeight ?? 0) / rowHeight),
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders us itself
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: props.overscan,
    initialRect: { width: 320, height: props.initialHeight },
    // Rows are places, not items: a row shows whichever id is at its place, so a list whose
    // members change on every batch updates a few texts instead of rebuilding its rows. The row
    // the user picked keeps the element it had when picked (swapping places with the row now
    // there), so focus moves with it and a click on it is never lost to a new element.
    getItemKey: (index) => `at-${slotOf(index, roving.pinned)}`,
    rangeExtractor: roving.rangeExtractor,
  });
  return (
    <div ref={scroller} className={props.scrollerClass}>
      {props.before}
      {/* Focusable from script only: where focus goes when its focused row leaves an emptied list. */}
      <div
        ref={list}
        role="list"
        aria-label={props.label}
        tabIndex={-1}
        data-count={ids.length}
        className="list-body"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={roving.onKeyDown}
        onFocus={roving.onFocus}
        onBlur={roving.onBlur}
      >
        <TabStopContext value={roving.tabStop}>
          {virtualizer.getVirtualItems().map((item) => {
            const id = ids[item.index];
            if (id === undefined) return null;
            return (
              <div
                key={item.key}
                role="listitem"
                aria-setsize={ids.length}
                aria-posinset={item.index + 1}
                className="list-row"
                style={{ top: item.start, height: rowHeight }}
                data-row-key={id}
              >
                {props.renderRow(id, item.index)}
              </div>
            );
          })}
        </TabStopContext>
      </div>
    </div>
  );
}
