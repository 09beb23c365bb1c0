import { useSend } from '../store/commands';
import { CommandError } from './CommandError';
import { KeepFocusButton } from './KeepFocusButton';

const WATCH = ['watchProgram'] as const;

/**
 * Real programs in the engine's place: the seed itself, run by python3 under the tracer,
 * or (desktop app) one the user picks. The shell says no, plainly, where it runs none.
 */
export function ProgramMenu() {
  const send = useSend();
  // Picking a file to run is the desktop app's (its main process opens the dialog); a browser
  // shell runs at most the original, and `npm run trace` runs a program of one's own.
  const canPick = window.labDesktop !== undefined;
  return (
    <div className="program-menu" role="group" aria-label="Real programs">
      <KeepFocusButton
        className="btn btn-small"
        title="Run the tutorial's server itself (python3, traced) and watch its real select() loop, crash and all"
        onClick={() => void send('watchProgram', { program: 'original' })}
      >
        Run the original
      </KeepFocusButton>
      {canPick && (
        <KeepFocusButton
          className="btn btn-small"
          title="Pick a Python program of yours and watch its select(), poll() or epoll() loop"
          onClick={() => void send('watchProgram', { program: 'choose' })}
        >
          Watch a program…
        </KeepFocusButton>
      )}
      <CommandError commands={WATCH} />
    </div>
  );
}
