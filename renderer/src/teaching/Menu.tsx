import { useCallback, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Popover } from './Popover';

/** A menu's open state and its button, which focus returns to when the list closes. */
export interface MenuState {
  open: boolean;
  setOpen(open: boolean): void;
  button: RefObject<HTMLButtonElement | null>;
  /**
   * Closes the list. Stable across renders: the Popover moves focus to its first item whenever
   * its onClose changes, so a new function each render would pull focus back from the third.
   */
  close(): void;
}

export function useMenu(): MenuState {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  return { open, setOpen, button, close };
}

/**
 * A toolbar button that opens a list in a Popover (Scenarios, Lessons, Programs ▾), named by
 * `label`; `after` stays beside the button whether the list is open or not. `buttonClass` and
 * `chevron` make it one of the first row's small buttons.
 */
export function Menu({
  id,
  label,
  title,
  open,
  setOpen,
  button,
  close,
  children,
  after,
  buttonClass = 'btn',
  chevron = false,
}: MenuState & {
  id: string;
  label: string;
  title: string;
  children: ReactNode;
  after?: ReactNode;
  buttonClass?: string;
  chevron?: boolean;
}) {
  return (
    <div className="menu">
      <button
        ref={button}
        type="button"
        className={buttonClass}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        title={title}
      >
        {label}
        {chevron && (
          <span className="menu-chevron" aria-hidden="true">
            ▾
          </span>
        )}
      </button>
      {open && (
        <Popover id={id} label={label} onClose={close} returnTo={button}>
          {children}
        </Popover>
      )}
      {after}
    </div>
  );
}
