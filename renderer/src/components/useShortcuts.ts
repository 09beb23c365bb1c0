import { useEffect } from 'react';
import type { LabApi } from '../../../shared/contract';
import { CATALOG, type ActionId, type ActionInfo } from '../actions/catalog';
import { runAction } from '../actions/registry';
import { useLabStore } from '../store/lab-store';

/** Typing in a field must not run anything. */
const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) &&
  !(target instanceof HTMLInputElement && ['radio', 'checkbox', 'range'].includes(target.type));

/** Controls that answer Space themselves: a focused button, checkbox, radio, switch or row keeps it. */
const CONTROLS =
  'button, a[href], input, select, textarea, summary, [role="button"], [role="switch"], [role="checkbox"], [role="radio"], [role="tab"], [role="option"], [contenteditable="true"]';
const onControl = (target: EventTarget | null): boolean =>
  target instanceof Element && target.closest(CONTROLS) !== null;

const BY_KEY = (Object.keys(CATALOG) as ActionId[]).flatMap((id) => {
  const info: ActionInfo = CATALOG[id];
  const shortcut = info.shortcut;
  return shortcut ? [{ id, key: shortcut.key, shift: shortcut.shift ?? false }] : [];
});

/** The registered action a key runs, if any (letters either case; Space with or without Shift). */
export function actionForKey(event: Pick<KeyboardEvent, 'key' | 'shiftKey'>): ActionId | null {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const space = key === ' ';
  return BY_KEY.find((s) => s.key === key && (!space || s.shift === event.shiftKey))?.id ?? null;
}

/**
 * The keys of the registered actions (actions/catalog.ts): Space Step, Shift+Space Step action,
 * R Run, S Start/Stop, P Predict, V Reveal, F Presenter, L Log, T Timeline, F1 the tutorial.
 * Space belongs to a focused control (it clicks the button, ticks the box, opens the row).
 */
export function useShortcuts(api: LabApi): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      if (!useLabStore.getState().engine) return;
      const id = actionForKey(event);
      if (id === null) return;
      if (event.key === ' ' && onControl(event.target)) return;
      event.preventDefault(); // not a page scroll, nor the browser's own F1
      if (event.repeat && id !== 'step' && id !== 'step-action') return;
      void runAction(id, api).then((result) => {
        if (!result.ok) useLabStore.getState().setActionError(result.error);
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api]);
}
