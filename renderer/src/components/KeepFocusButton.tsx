import type { ComponentProps, MouseEvent } from 'react';

/**
 * A button that stays focusable while unavailable: `disabled` becomes `aria-disabled` and a
 * click does nothing (nor submits). A natively disabled button that greys out under the
 * keyboard's focus — Stop clients once they stopped, Live once live, Step when the mode
 * changes, Start Server while it starts — drops focus to the page, and the user is lost.
 */
export function KeepFocusButton({ disabled, onClick, type = 'button', ...props }: ComponentProps<'button'>) {
  const click = (event: MouseEvent<HTMLButtonElement>): void => {
    if (disabled) event.preventDefault();
    else onClick?.(event);
  };
  return <button type={type} {...props} aria-disabled={disabled || undefined} onClick={click} />;
}
