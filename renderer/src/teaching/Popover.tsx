import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

interface PopoverProps {
  id: string;
  label: string;
  children: ReactNode;
  onClose: () => void;
  /** Where focus goes back to on Escape (the button that opened it). */
  returnTo: RefObject<HTMLElement | null>;
}

/**
 * A panel under the button that opened it: focus moves into it, Escape or a click outside
 * closes it, and focus goes back to the button. A region with a name, not a menu role: its
 * items are plain buttons, reached with Tab.
 */
export function Popover({ id, label, children, onClose, returnTo }: PopoverProps) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.querySelector<HTMLElement>('button:not(:disabled), input, a[href]')?.focus();
    const onDown = (event: PointerEvent): void => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !returnTo.current?.contains(target)) onClose();
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [onClose, returnTo]);
  return (
    <div
      ref={panel}
      id={id}
      role="region"
      aria-label={label}
      className="popover"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
        returnTo.current?.focus();
      }}
    >
      {children}
    </div>
  );
}
