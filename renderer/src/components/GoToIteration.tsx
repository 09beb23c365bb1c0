import { useState, type FormEvent } from 'react';
import type { LabError } from '../../../shared/result';
import { useLabStore } from '../store/lab-store';
import { FieldError } from './FieldError';

/** "Go to iteration": type its number, see the lists as they were after it (if it is still kept). */
export function GoToIteration() {
  const [text, setText] = useState('');
  const [error, setError] = useState<LabError | null>(null);
  const go = (event: FormEvent): void => {
    event.preventDefault();
    const { history, view } = useLabStore.getState();
    const n = Number(text.trim());
    const oldest = history[0]?.n;
    const newest = history.at(-1)?.n;
    let message: string | null = null;
    if (!/^\d+$/.test(text.trim())) message = 'Type an iteration number, such as 12.';
    else if (oldest === undefined || newest === undefined) message = 'No iteration has run yet.';
    else if (n > newest) message = `Iteration ${n} has not run yet: the newest is ${newest}.`;
    else if (!history.some((r) => r.n === n))
      message = `Iteration ${n} is no longer kept: the timeline keeps ${oldest} to ${newest} (History size in Socket options).`;
    setError(message ? { code: 'BAD_ARGUMENT', message } : null);
    if (!message) view(n);
  };
  return (
    <form className="goto" aria-label="Go to iteration" onSubmit={go}>
      <label className="field">
        <span>Go to iteration</span>
        <input value={text} size={7} inputMode="numeric" onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" className="btn btn-small">
        Go
      </button>
      <FieldError error={error} onDismiss={() => setError(null)} />
    </form>
  );
}
