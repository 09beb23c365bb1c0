import { useEffect } from 'react';

/** What Tab can reach (a radio group is reached through any of its radios). */
const TABBABLE =
  'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), summary, [tabindex]:not([tabindex="-1"])';

const dropped = (): boolean => document.activeElement === null || document.activeElement === document.body;

/** Rendered and not hidden (jsdom has no checkVisibility: everything counts as shown there). */
const shown = (element: HTMLElement): boolean =>
  typeof element.checkVisibility !== 'function' || element.checkVisibility();

function ancestors(element: Element): Element[] {
  const chain: Element[] = [];
  for (let node = element.parentElement; node; node = node.parentElement) chain.push(node);
  return chain;
}

/** The closest surviving place: an ancestor that takes focus itself, or the first thing Tab reaches in it. */
function closestPlace(chain: Element[]): HTMLElement | null {
  for (const node of chain) {
    if (!node.isConnected || !(node instanceof HTMLElement)) continue;
    if (node.hasAttribute('tabindex')) return node;
    const inside = [...node.querySelectorAll<HTMLElement>(TABBABLE)].find(shown);
    if (inside) return inside;
  }
  return null;
}

/**
 * Keeps the keyboard's focus on the page: when the focused element goes away (its panel
 * closed, its error was dismissed, its connection closed) or is disabled under it, focus
 * moves to the closest place still there instead of falling to the document's body, where
 * it is invisible and the next Tab starts over.
 */
export function useFocusRescue(): void {
  useEffect(() => {
    const onFocusOut = (event: FocusEvent): void => {
      if (event.relatedTarget !== null || !(event.target instanceof HTMLElement)) return;
      const lost = event.target;
      const chain = ancestors(lost);
      // Chrome blurs an element before removing it: look once React has finished its commit.
      queueMicrotask(() => {
        const gone = !lost.isConnected || lost.matches(':disabled');
        if (gone && dropped()) closestPlace(chain)?.focus();
      });
    };
    document.addEventListener('focusout', onFocusOut);
    return () => document.removeEventListener('focusout', onFocusOut);
  }, []);
}
