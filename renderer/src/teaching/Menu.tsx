import { useRef, useState, type ReactNode, type RefObject } from 'react';
import { Popover } from './Popover';

/** A menu's open state and its button, which focus returns to when the list closes. */
export interface MenuState {
  open: boolean;
  setOpen(open: boolean): void;
  button: RefObject<HTMLButtonElement | null>;
}

export function useMenu(): MenuState {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return { open, setOpen, button };
}

/**
 * A toolbar button that opens a list in a Popover (Scenarios, Lessons), named by `label`;
 * `after` stays beside the button whether the list is open or not.
 */
export function Menu({
  id,
  label,
  title,
  open,
  setOpen,
  button,
  children,
  after,
}: MenuState & {
  id: string;
  label: string;
  title: string;
  children: ReactNode;
  after?: ReactNode;
}) {
  return (
    <div className="menu">
      <button
        ref={button}
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        title={title}
      >
        {label}
      </button>
      {open && (
        <Popover id={id} label={label} onClose={() => setOpen(false)} returnTo={button}>
          {children}
        </Popover>
      )}
      {after}
    </div>
  );
}
