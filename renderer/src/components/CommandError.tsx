import type { CommandName } from '../../../shared/contract';
import { useLabStore } from '../store/lab-store';
import { FieldError } from './FieldError';

/**
 * The first failed result among `commands`, beside the controls that sent them;
 * dismissing it clears them all (e.g. Step and Step action share one place).
 */
export function CommandError({ commands, id }: { commands: readonly CommandName[]; id?: string }) {
  const error = useLabStore((s) => commands.map((name) => s.errors[name]).find(Boolean));
  const setError = useLabStore((s) => s.setError);
  return (
    <FieldError
      error={error}
      id={id}
      onDismiss={() => {
        for (const name of commands) setError(name, null);
      }}
    />
  );
}
