import { useId, useState, type ReactNode } from 'react';
import type { EngineOptions } from '../../../shared/engine';
import type { LabError, Result } from '../../../shared/result';
import { parseSize, sizeText } from './clients/client-format';
import { FieldError } from './FieldError';
import { useAsked } from './useAsked';

/** Sends one option to the engine; resolves with its answer. */
export type ApplyOption = (patch: Partial<EngineOptions>) => Promise<Result<EngineOptions>>;

type NumberKey = {
  [K in keyof EngineOptions]: EngineOptions[K] extends number ? K : never;
}[keyof EngineOptions];
type SwitchKey = {
  [K in keyof EngineOptions]: EngineOptions[K] extends boolean ? K : never;
}[keyof EngineOptions];

interface FieldProps<K> {
  name: K;
  label: string;
  /** What the option does, shown as the tooltip. */
  hint: string;
  apply: ApplyOption;
}

/** A whole number, or a byte size such as 64K / 1M; null when unreadable. */
function parseValue(text: string, bytes: boolean): number | null {
  if (bytes) return parseSize(text);
  return /^\s*\d+\s*$/.test(text) ? Number(text) : null;
}

/**
 * One option's value as shown (the ask until the engine confirms it) and its last refusal;
 * `set` sends a new value and shows the engine's answer.
 */
function useOption<K extends keyof EngineOptions>(name: K, value: EngineOptions[K], apply: ApplyOption) {
  const [shown, ask, drop] = useAsked(value);
  const [error, setError] = useState<LabError | null>(null);
  const set = async (next: EngineOptions[K]): Promise<void> => {
    ask(next);
    const result = await apply({ [name]: next });
    setError(result.ok ? null : result.error);
    if (!result.ok) drop();
  };
  return { shown, error, setError, set };
}

/** An option's control with its refusal right under it; the control is described by the error. */
function OptionBlock(props: {
  error: LabError | null;
  onDismiss: () => void;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const errorId = useId();
  return (
    <div className="option">
      {props.children(props.error ? errorId : undefined)}
      <FieldError error={props.error} id={errorId} onDismiss={props.onDismiss} />
    </div>
  );
}

/**
 * A number option: shows the engine's value, applies on Enter or blur, and shows the
 * engine's refusal beside it (the field then shows the value the engine kept).
 */
export function OptionNumber({
  name,
  label,
  hint,
  apply,
  value,
  bytes,
}: FieldProps<NumberKey> & { value: number; bytes: boolean }) {
  const { shown, error, setError, set } = useOption(name, value, apply);
  const [draft, setDraft] = useState<string | null>(null);
  const text = bytes ? sizeText(shown) : String(shown);
  const commit = async (): Promise<void> => {
    if (draft === null || draft.trim() === text) return setDraft(null);
    const next = parseValue(draft, bytes);
    setDraft(null);
    if (next !== null) return set(next);
    const example = bytes ? 'such as 1024, 64K or 1M' : 'such as 500';
    setError({ code: 'BAD_ARGUMENT', message: `${label}: "${draft}" is not a number (${example}).` });
  };
  return (
    <OptionBlock error={error} onDismiss={() => setError(null)}>
      {(describedBy) => (
        <label className="field" title={hint}>
          <span>{label}</span>
          <input
            value={draft ?? text}
            inputMode="numeric"
            size={6}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={() => void commit()}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void commit();
              if (e.key === 'Escape') setDraft(null);
            }}
          />
        </label>
      )}
    </OptionBlock>
  );
}

/** An on/off option: applies on change, shows the engine's refusal beside it. */
export function OptionSwitch({
  name,
  label,
  hint,
  apply,
  value,
}: FieldProps<SwitchKey> & { value: boolean }) {
  const { shown, error, setError, set } = useOption(name, value, apply);
  return (
    <OptionBlock error={error} onDismiss={() => setError(null)}>
      {(describedBy) => (
        <label className="field option-switch" title={hint}>
          <input
            type="checkbox"
            checked={shown}
            aria-describedby={describedBy}
            onChange={(e) => void set(e.target.checked)}
          />
          <span>{label}</span>
        </label>
      )}
    </OptionBlock>
  );
}
