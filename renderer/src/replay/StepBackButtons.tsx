import { KeepFocusButton } from '../components/KeepFocusButton';
import { useLabStore } from '../store/lab-store';

/**
 * Step back and Step action back, in a replay only: each a seek to one step earlier, from
 * the nearest snapshot. Available while paused (Step), as Step is.
 */
export function StepBackButtons() {
  const replay = useLabStore((s) => s.replay);
  if (!replay) return null;
  const { source, info } = replay;
  const atStart = info.position.n <= info.first && info.position.done === 0;
  const paused = info.mode === 'step';
  return (
    <>
      <KeepFocusButton
        className="btn"
        disabled={!paused || atStart}
        title="Go back one iteration (B)"
        aria-keyshortcuts="B"
        onClick={() => void source.stepBack()}
      >
        Step back
      </KeepFocusButton>
      <KeepFocusButton
        className="btn"
        disabled={!paused || atStart}
        title="Go back one action: the code panel moves back a line (Shift+B)"
        aria-keyshortcuts="Shift+B"
        onClick={() => void source.stepActionBack()}
      >
        Step action back
      </KeepFocusButton>
    </>
  );
}
