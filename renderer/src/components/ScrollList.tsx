import type { ReactNode, Ref } from 'react';

interface ScrollListProps {
  /** The list's accessible name, said when it takes focus. */
  label: string;
  className: string;
  children: ReactNode;
  ref?: Ref<HTMLOListElement>;
}

/**
 * An ordered list that scrolls on its own, reachable by keyboard: one tab stop, then the
 * arrow keys scroll it (WCAG 2.1.1; axe's scrollable-region-focusable). Its items are text,
 * so without the tab stop a keyboard user could never see the lines below the fold.
 */
export function ScrollList({ label, className, children, ref }: ScrollListProps) {
  return (
    <ol ref={ref} className={`scroll-list ${className}`} aria-label={label} tabIndex={0}>
      {children}
    </ol>
  );
}
