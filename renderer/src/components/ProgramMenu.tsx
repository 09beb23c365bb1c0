import { useId } from 'react';
import { useSend } from '../store/commands';
import { Menu, useMenu } from '../teaching/Menu';
import { CommandError } from './CommandError';
import { KeepFocusButton } from './KeepFocusButton';

const WATCH = ['watchProgram'] as const;

const ORIGINAL =
  "Run the tutorial's server itself (python3, traced) and watch its real select() loop, crash and all";
const CHOOSE = 'Pick a Python program of yours and watch its select(), poll() or epoll() loop';

/**
 * The desktop app's two actions behind one small button, so the toolbar's first row keeps its
 * counters at 1280 px: a panel with each action and what it does, in words rather than a tooltip.
 */
function ProgramsPanel() {
  const send = useSend();
  const menu = useMenu();
  const id = useId();
  const run = (program: 'original' | 'choose'): void => {
    menu.close();
    menu.button.current?.focus();
    void send('watchProgram', { program });
  };
  // The action's name is the button's; what it does is read after it, and a click anywhere on
  // the row runs it (the button stretches over the row: see .program-action in layout.css).
  const action = (program: 'original' | 'choose', name: string, what: string) => (
    <li className="program-action">
      <button
        type="button"
        className="program-action-name"
        aria-describedby={`${id}-${program}`}
        onClick={() => run(program)}
      >
        {name}
      </button>
      <p className="program-action-what" id={`${id}-${program}`}>
        {what}
      </p>
    </li>
  );
  return (
    <Menu
      id={id}
      label="Programs"
      title="A real program in the engine's place: the tutorial's own server, or one of yours"
      buttonClass="btn btn-small program-menu-button"
      chevron
      {...menu}
    >
      <ul className="program-actions">
        {action('original', 'Run the original', ORIGINAL)}
        {action('choose', 'Watch a program…', CHOOSE)}
      </ul>
    </Menu>
  );
}

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
      {canPick ? (
        <ProgramsPanel />
      ) : (
        <KeepFocusButton
          className="btn btn-small"
          title={ORIGINAL}
          onClick={() => void send('watchProgram', { program: 'original' })}
        >
          Run the original
        </KeepFocusButton>
      )}
    </div>
  );
}

/**
 * Why a program could not run, for the line under the toolbar's first row (Toolbar.tsx):
 * beside the button it pushed Record and the counters onto a line of their own.
 */
export function ProgramError() {
  return <CommandError commands={WATCH} />;
}
