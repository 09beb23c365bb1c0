import type { LabError } from '../../../shared/result';

/** A command's error, shown right beside the control that caused it. */
export function FieldError({ error, id }: { error: LabError | null | undefined; id?: string }) {
  if (!error) return null;
  return (
    <p className="field-error" role="alert" id={id} data-code={error.code}>
      <strong>{error.code}</strong> {error.message}
    </p>
  );
}
