import { ActionButton } from '../actions/ActionButton';
import { useAction } from '../actions/use-action';
import { useLabStore } from '../store/lab-store';
import { scoreText } from './predict';

/** The Predict switch, Reveal, and the session's score. */
export function PredictControls() {
  const predicting = useLabStore((s) => s.predicting);
  const score = useLabStore((s) => s.score);
  const last = useLabStore((s) => s.revealed);
  const { run } = useAction('predict');
  const answered = score.right + score.wrong + score.missed;
  return (
    <div className="predict-controls">
      <label className="switch" title="Halted before select(): mark what it will return, then Reveal (P)">
        <input
          type="checkbox"
          role="switch"
          checked={predicting}
          aria-checked={predicting}
          aria-keyshortcuts="P"
          onChange={() => void run()}
        />
        <span className="switch-track" aria-hidden="true" />
        <span>Predict</span>
      </label>
      <ActionButton id="reveal" />
      <output
        className="score"
        aria-label="Score"
        data-right={score.right}
        data-wrong={score.wrong}
        data-missed={score.missed}
      >
        {answered === 0 ? 'no score yet' : scoreText(score)}
        {last && (
          <span className="visually-hidden">
            {' '}
            Last reveal, iteration {last.n}: {scoreText(last.score)}.
          </span>
        )}
      </output>
    </div>
  );
}
