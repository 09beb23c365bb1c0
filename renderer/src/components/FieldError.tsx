import type { LabError } from '../../../shared/result';

interface FieldErrorProps {
  error: LabError | null | undefined;
  id?: string;
  /** Shows a close button that calls this. */
  onDismiss?: () => void;
}

/**
 * Codes a user can look up (the kernel's errno names: EADDRINUSE, EMFILE…) are shown before the
 * message; the lab's own (BAD_ARGUMENT, NOT_STEPPING…) are for tests and logs, never the reader.
 */
const shownCode = (code: string): boolean => /^E[A-Z]+$/.test(code);

/** A command's error, shown right beside the control that caused it. */
export function FieldError({ error, id, onDismiss }: FieldErrorProps) {
  if (!error) return null;
  return (
    <p className="field-error" role="alert" id={id} data-code={error.code}>
      {shownCode(error.code) && <strong>{error.code} </strong>}
      {error.message}
      {onDismiss && (
        <button type="button" className="field-error-close" aria-label="Dismiss error" onClick={onDismiss}>
          ×
        </button>
      )}
    </p>
  );
}
