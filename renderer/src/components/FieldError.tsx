import type { LabError } from '../../../shared/result';

interface FieldErrorProps {
  error: LabError | null | undefined;
  id?: string;
  /** Shows a close button that calls this. */
  onDismiss?: () => void;
}

/** A command's error, shown right beside the control that caused it. */
export function FieldError({ error, id, onDismiss }: FieldErrorProps) {
  if (!error) return null;
  return (
    <p className="field-error" role="alert" id={id} data-code={error.code}>
      <strong>{error.code}</strong> {error.message}
      {onDismiss && (
        <button type="button" className="field-error-close" aria-label="Dismiss error" onClick={onDismiss}>
          ×
        </button>
      )}
    </p>
  );
}
