import type { ComponentProps } from 'react';
import { KeepFocusButton } from '../components/KeepFocusButton';
import type { ActionId } from './catalog';
import { useAction } from './use-action';

type Props = Omit<ComponentProps<typeof KeepFocusButton>, 'onClick' | 'disabled' | 'children'> & {
  id: ActionId;
  /** Shown instead of the action's label (the accessible name stays the label's words). */
  children?: ComponentProps<'button'>['children'];
};

/** A button for a registered action: its label, its key in the tooltip, greyed (but focusable) when it cannot run. */
export function ActionButton({ id, children, className = 'btn', ...props }: Props) {
  const { action, unavailable, run } = useAction(id);
  const key = action.shortcut ? ` (${action.shortcut.label})` : '';
  return (
    <KeepFocusButton
      {...props}
      className={className}
      disabled={unavailable !== null}
      title={unavailable ?? `${action.hint}${key}`}
      aria-keyshortcuts={action.shortcut?.label}
      data-action={id}
      onClick={() => void run()}
    >
      {children ?? action.label}
    </KeepFocusButton>
  );
}
