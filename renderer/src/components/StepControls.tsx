import { StepBackButtons } from '../replay/StepBackButtons';
import { useSend } from '../store/commands';
import { useLabStore } from '../store/lab-store';
import { KeepFocusButton } from './KeepFocusButton';
import { CommandError } from './CommandError';

const STEPPING = ['step', 'stepAction'] as const;

/** Step (one iteration) and Step action (one line of the seed), live only in Step mode. */
export function StepControls() {
  const send = useSend();
  const stepping = useLabStore((s) => s.engine?.mode === 'step' && s.engine.server.state === 'listening');
  // A real program steps one pass of its loop at a time: the lab cannot halt it between its lines.
  const watching = useLabStore((s) => (s.engine?.program ?? null) !== null);
  return (
    <div className="step-controls">
      <StepBackButtons />
      <KeepFocusButton
        className="btn"
        disabled={!stepping}
        title="Run one iteration of the loop (Space)"
        aria-keyshortcuts="Space"
        onClick={() => void send('step', {})}
      >
        Step
      </KeepFocusButton>
      <KeepFocusButton
        className="btn"
        disabled={!stepping || watching}
        title={
          watching
            ? 'Step action runs the lab’s own engine one action at a time; a real program steps a whole pass'
            : 'Run one action: the code panel moves line by line (Shift+Space)'
        }
        aria-keyshortcuts="Shift+Space"
        onClick={() => void send('stepAction', {})}
      >
        Step action
      </KeepFocusButton>
      <CommandError commands={STEPPING} />
    </div>
  );
}
