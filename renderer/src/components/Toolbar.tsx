import { Counters } from './Counters';
import { ModeControls } from './ModeControls';
import { ProgramControls } from './ProgramControls';
import { ProgramMenu } from './ProgramMenu';
import { ServerControls } from './ServerControls';
import { StepControls } from './StepControls';
import { TutorialSwitch } from './TutorialSwitch';
import { PresenterControls } from '../teaching/PresenterControls';
import { TeachBar } from '../teaching/TeachBar';
import { useLabStore } from '../store/lab-store';

/** Two rows: the server and its counters; then the loop (mode, stepping, fidelity) and the keys. The app's name is the page's one h1. */
export function Toolbar() {
  // A watched program runs its own code: no address to bind, no Safe/Tutorial switch.
  const watching = useLabStore((s) => (s.engine?.program ?? null) !== null);
  return (
    <header className="toolbar">
      <div className="toolbar-row">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ⇄
          </span>
          <h1 className="brand-name">Socket Lab</h1>
        </div>
        {watching ? <ProgramControls /> : <ServerControls />}
        {!watching && <ProgramMenu />}
        <Counters />
      </div>
      <div className="toolbar-row toolbar-loop">
        <ModeControls />
        <StepControls />
        {!watching && <TutorialSwitch />}
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
