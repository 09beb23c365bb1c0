/**
 * FLIP for chips that move between lists: a chip that appears in one list
 * starts where the same socket's chip was last seen in another, and slides home.
 */
const lastSeen = new Map<string, { list: string; rect: DOMRect; at: number }[]>();
const DURATION_MS = 260;
/** Past this many moves at once the eye cannot follow them; skip the rest. */
const MAX_RUNNING = 24;
/** A position older than this is too stale to fly from. */
const FRESH_MS = 1500;
const MAX_REMEMBERED = 4000;
let running = 0;

const reducedMotion = (): boolean =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Remember where a socket's chip sits in a list (called after every layout of the chip). */
export function rememberChip(key: string, list: string, element: HTMLElement): void {
  const rect = element.getBoundingClientRect();
  const seen = (lastSeen.get(key) ?? []).filter((s) => s.list !== list);
  seen.push({ list, rect, at: performance.now() });
  // Re-insert so the Map's order is least recently seen first, and trim that end.
  lastSeen.delete(key);
  lastSeen.set(key, seen);
  if (lastSeen.size > MAX_REMEMBERED) {
    const oldest = lastSeen.keys().next();
    if (!oldest.done) lastSeen.delete(oldest.value);
  }
}

/** Where the socket's chip was in another list: live if still on screen, else its last remembered place. */
function sourceRect(key: string, list: string): DOMRect | null {
  const live = document.querySelectorAll<HTMLElement>(
    `[data-flip-key="${key}"]:not([data-flip-list="${list}"])`,
  );
  const first = live[0];
  if (first) return first.getBoundingClientRect();
  const now = performance.now();
  const seen = (lastSeen.get(key) ?? []).filter((s) => s.list !== list && now - s.at < FRESH_MS);
  return seen.at(-1)?.rect ?? null;
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
