import { useState, type FormEvent } from 'react';
import { breakpointSchema, describeBreakpoint, type Breakpoint } from '../../../shared/breakpoints';
import { ActionButton } from '../actions/ActionButton';
import { FieldError } from '../components/FieldError';
import { useSend } from '../store/commands';
import { useLabStore } from '../store/lab-store';
import type { LabError } from '../../../shared/result';

/** The conditions, as the select names them, and what their value field asks for. */
const CONDITIONS = [
  { value: 'enters-inputs', label: 'socket enters inputs', field: 'Socket #', optional: true },
  { value: 'enters-outputs', label: 'socket enters outputs', field: 'Socket #', optional: true },
  { value: 'enters-exceptional', label: 'socket enters exceptional', field: 'Socket #', optional: true },
  { value: 'queue', label: 'queue passes N bytes', field: 'Bytes', optional: false },
  { value: 'partial-send', label: 'partial send', field: null, optional: true },
  { value: 'crash', label: 'crash point or exception', field: null, optional: true },
  { value: 'iteration', label: 'iteration N', field: 'Iteration', optional: false },
] as const;
type Condition = (typeof CONDITIONS)[number]['value'];

const toNumber = (text: string): number => (text.trim() === '' ? NaN : Number(text.trim().replace(/^#/, '')));

/** The form's fields as a breakpoint, or what is wrong with them, in the schema's own plain words. */
function toBreakpoint(condition: Condition, value: string): { breakpoint: Breakpoint } | { error: LabError } {
  const n = toNumber(value);
  const blank = value.trim() === '';
  const draft =
    condition === 'queue'
      ? { kind: 'queue', bytes: n }
      : condition === 'iteration'
        ? { kind: 'iteration', n }
        : condition === 'partial-send' || condition === 'crash'
          ? { kind: condition }
          : { kind: 'enters', list: condition.slice('enters-'.length), ...(blank ? {} : { id: n }) };
  const parsed = breakpointSchema.safeParse(draft);
  if (parsed.success) return { breakpoint: parsed.data };
  return { error: { code: 'BAD_ARGUMENT', message: parsed.error.issues[0]?.message ?? 'Check the value.' } };
}

/** Run until: pick a condition (and its value), and the loop runs at full speed until it holds. */
export function RunUntilForm() {
  const send = useSend();
  const armed = useLabStore((s) => s.engine?.breakpoint ?? null);
  const commandError = useLabStore((s) => s.errors.runUntil);
  const [condition, setCondition] = useState<Condition>('enters-outputs');
  const [value, setValue] = useState('');
  const [error, setError] = useState<LabError | null>(null);
  const field = CONDITIONS.find((c) => c.value === condition) ?? CONDITIONS[0];
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const result = toBreakpoint(condition, value);
    if ('error' in result) return setError(result.error);
    setError(null);
    void send('runUntil', result.breakpoint);
  };
  return (
    <form className="run-until" aria-label="Run until" onSubmit={submit}>
      <div className="field">
        {/* Named by its own label only: a wrapping label would add the options' text to the name. */}
        <span id="run-until-label">Run until</span>
        <select
          aria-labelledby="run-until-label"
          value={condition}
          onChange={(e) => {
            setCondition(e.target.value as Condition);
            setValue('');
            setError(null);
          }}
        >
          {CONDITIONS.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      {field.field && (
        <label className="field">
          <span>{field.field}</span>
          <input
            value={value}
            size={6}
            inputMode="numeric"
            placeholder={field.optional ? 'any' : ''}
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
      )}
      {armed ? (
        <>
          <span className="run-until-armed" role="status">
            Running until {describeBreakpoint(armed)}…
          </span>
          <ActionButton id="stop-run-until" className="btn btn-small" />
        </>
      ) : (
        <button
          type="submit"
          className="btn"
          title="Run at full speed until the condition holds, then halt (Step mode)"
        >
          Run until
        </button>
      )}
      <FieldError
        error={error ?? commandError}
        onDismiss={() => {
          setError(null);
          useLabStore.getState().setError('runUntil', null);
        }}
      />
    </form>
  );
}
