import type { KeyboardEvent } from 'react';
import type { SocketId } from '../../../shared/engine';
import type { ListName } from '../components/SocketChip';
import { useRovingTabIndex } from '../components/tab-stop';
import { useLabStore } from '../store/lab-store';
import { markKey, type Mark } from './predict';

/** What select(inputs, outputs, inputs) can return a socket as, by the list it is in. */
export const PREDICTABLE: Record<ListName, readonly Mark[]> = {
  inputs: ['readable', 'exceptional'],
  outputs: ['writable'],
  exceptional: [],
};

const LETTERS: Record<string, Mark> = { r: 'readable', w: 'writable', x: 'exceptional' };

/**
 * A chip while predicting: the socket, and a toggle per answer select() could give it. One tab
 * stop per list (the first toggle of the active row); ← → move between a row's toggles, ↑ ↓
 * between rows, Space or Enter toggles, and R, W, X toggle readable, writable, exceptional.
 */
export function PredictChip({ id, list }: { id: SocketId; list: ListName }) {
  const fd = useLabStore((s) => (id === 0 ? 3 : s.connections.get(id)?.fd));
  const label = `#${id}${fd === undefined ? '' : ` fd ${fd}`}${id === 0 ? ' listening' : ''}`;
  const marks = useLabStore((s) => s.marks);
  const toggle = useLabStore((s) => s.toggleMark);
  const tabIndex = useRovingTabIndex(id);
  const allowed = PREDICTABLE[list];
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const letter = LETTERS[event.key.toLowerCase()];
    if (letter && allowed.includes(letter)) {
      event.preventDefault();
      event.stopPropagation(); // R is Run elsewhere: here it marks readable
      toggle(markKey(letter, id));
      return;
    }
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const buttons = [...event.currentTarget.querySelectorAll('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[at + (event.key === 'ArrowRight' ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };
  return (
    <div
      className="chip chip-predict"
      role="group"
      aria-label={label}
      onKeyDown={onKeyDown}
      data-predict={id}
    >
      <span className="chip-id" aria-hidden="true">
        {label}
      </span>
      <span className="predict-toggles">
        {allowed.map((mark, i) => {
          const on = marks.has(markKey(mark, id));
          return (
            <button
              key={mark}
              type="button"
              className={`predict-toggle mark-${mark}`}
              aria-pressed={on}
              tabIndex={i === 0 ? tabIndex : -1}
              title={`Predict that select() returns ${label} ${mark} (${mark[0]?.toUpperCase() === 'E' ? 'X' : mark[0]?.toUpperCase()})`}
              onClick={() => toggle(markKey(mark, id))}
            >
              {on ? '✓ ' : ''}
              {mark}
            </button>
          );
        })}
      </span>
    </div>
  );
}
