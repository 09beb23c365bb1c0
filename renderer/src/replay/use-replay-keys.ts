import { useEffect } from 'react';
import { useLabStore } from '../store/lab-store';

/** Typing in a field must not move the replay. */
const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) &&
  !(target instanceof HTMLInputElement && ['radio', 'checkbox', 'range'].includes(target.type));

/**
 * Ctrl/Cmd+O = Open recording… (the desktop app's menu has it too). In a replay: B = Step
 * back, Shift+B = Step action back (Space and Shift+Space step forward, as live).
 */
export function useReplayKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === 'o' || event.key === 'O')) {
        event.preventDefault();
        document.querySelector<HTMLButtonElement>('[data-shortcut="open-recording"]')?.click();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      const replay = useLabStore.getState().replay;
      if (!replay || (event.key !== 'b' && event.key !== 'B')) return;
      event.preventDefault();
      if (replay.info.mode !== 'step') return;
      void (event.shiftKey ? replay.source.stepActionBack() : replay.source.stepBack());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
