/**
 * FLIP for chips that move between lists: a chip that joins a list starts where the
 * same socket's chip is (or, if that one is gone, the list it was last seen in) and
 * slides home. Nothing is measured except for a flight, so a busy list stays cheap.
 */
const lastList = new Map<string, string>();
const DURATION_MS = 260;
/** Past this many moves at once the eye cannot follow them; skip the rest. */
const MAX_RUNNING = 8;
const MAX_REMEMBERED = 4000;
let running = 0;

const reducedMotion = (): boolean =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Remember which list a socket's chip appeared in (no measuring). */
export function rememberChip(key: string, list: string): void {
  // Re-insert so the Map's order is least recently seen first, and trim that end.
  lastList.delete(key);
  lastList.set(key, list);
  if (lastList.size > MAX_REMEMBERED) {
    const oldest = lastList.keys().next();
    if (!oldest.done) lastList.delete(oldest.value);
  }
}

/** Where the socket's chip is in another list; else the top of the list it was last seen in. */
function sourceRect(key: string, list: string): DOMRect | null {
  const live = document.querySelector<HTMLElement>(
    `[data-flip-key="${key}"]:not([data-flip-list="${list}"])`,
  );
  if (live) return live.getBoundingClientRect();
  const was = lastList.get(key);
  if (!was || was === list) return null;
  const scroller = document.querySelector(`[role="list"][aria-label="${was}"]`)?.parentElement;
  return scroller ? scroller.getBoundingClientRect() : null;
}

/** Slide a freshly mounted chip from the socket's place in another list (≤ 300 ms; none under reduced motion). */
export function flyIn(key: string, list: string, element: HTMLElement): void {
  if (typeof element.animate !== 'function' || reducedMotion() || running >= MAX_RUNNING) return;
  const from = sourceRect(key, list);
  if (!from) return;
  const to = element.getBoundingClientRect();
  const dx = from.left - to.left;
  const dy = from.top - to.top;
  if (Math.abs(dx) < 2 && Math.abs(dy) < 2) return;
  running += 1;
  const animation = element.animate(
    [
      { transform: `translate(${dx}px, ${dy}px)`, opacity: 0.5 },
      { transform: 'translate(0, 0)', opacity: 1 },
    ],
    { duration: DURATION_MS, easing: 'cubic-bezier(0.2, 0.7, 0.2, 1)' },
  );
  const done = (): void => {
    running -= 1;
  };
  animation.addEventListener('finish', done, { once: true });
  animation.addEventListener('cancel', done, { once: true });
}
