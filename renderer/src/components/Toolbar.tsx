import { Counters } from './Counters';
import { ModeControls } from './ModeControls';
import { ServerControls } from './ServerControls';
import { StepControls } from './StepControls';
import { TutorialSwitch } from './TutorialSwitch';
import { PresenterControls } from '../teaching/PresenterControls';
import { TeachBar } from '../teaching/TeachBar';

/** Two rows: the server and its counters; then the loop (mode, stepping, fidelity) and the keys. The app's name is the page's one h1. */
export function Toolbar() {
  return (
    <header className="toolbar">
      <div className="toolbar-row">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ⇄
          </span>
          <h1 className="brand-name">Socket Lab</h1>
        </div>
        <ServerControls />
        <Counters />
      </div>
      <div className="toolbar-row toolbar-loop">
        <ModeControls />
        <StepControls />
        <TutorialSwitch />
        <PresenterControls />
        <p className="keys" aria-hidden="true">
          <kbd>Space</kbd> step · <kbd>⇧ Space</kbd> action · <kbd>R</kbd> run · <kbd>P</kbd> predict ·{' '}
          <kbd>V</kbd> reveal
        </p>
      </div>
      <TeachBar />
    </header>
  );
}
