import { useEffect } from 'react';
import type { LabApi } from '../../../shared/contract';
import { sendCommand } from '../store/commands';
import { useLabStore } from '../store/lab-store';

/** Typing in a field must not step the loop. */
const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) &&
  !(target instanceof HTMLInputElement && ['radio', 'checkbox', 'range'].includes(target.type));

/** Space = Step, Shift+Space = Step action, R = Run, S = Start/Stop (shown in the controls' tooltips). */
export function useShortcuts(api: LabApi): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      const engine = useLabStore.getState().engine;
      if (!engine) return;
      if (event.code === 'Space' || event.key === ' ') {
        event.preventDefault(); // not a page scroll, nor a click on the focused button
        if (!event.repeat || engine.mode === 'step')
          void sendCommand(api, event.shiftKey ? 'stepAction' : 'step', {});
      } else if (event.key === 'r' || event.key === 'R') {
        void sendCommand(api, 'setMode', { mode: 'run' });
      } else if (event.key === 's' || event.key === 'S') {
        // The button knows the Host and Port typed in the form.
        document.querySelector<HTMLButtonElement>('[data-shortcut="start-stop"]')?.click();
      }
    };
    // Space on a focused button would also click it on keyup.
    const onKeyUp = (event: KeyboardEvent): void => {
      if ((event.code === 'Space' || event.key === ' ') && !typing(event.target)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [api]);
}
