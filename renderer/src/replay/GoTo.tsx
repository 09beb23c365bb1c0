import { useId, useState, type FormEvent } from 'react';
import type { ReplayInfo } from './replay-info';
import type { ReplaySource } from './replay-source';

/** Go to iteration N: typed, checked against the file's range, then sought. */
export function GoTo({ source, info }: { source: ReplaySource; info: ReplayInfo }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const go = (event: FormEvent): void => {
    event.preventDefault();
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isInteger(n) || n < info.first || n > info.last) {
      setError(`Enter a whole number from ${info.first} to ${info.last}.`);
      return;
    }
    setError(null);
    void source.seek(n);
  };
  return (
    <form className="replay-goto" onSubmit={go} aria-label="Go to iteration">
      <label className="field">
        <span>Go to</span>
        <input
          inputMode="numeric"
          size={7}
          value={text}
          placeholder={String(info.position.n)}
          aria-label="Go to iteration"
          aria-invalid={error !== null || undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <button type="submit" className="btn btn-small">
        Go
      </button>
      {error && (
        <span className="field-error" id={errorId} role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
