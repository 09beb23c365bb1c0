import { Counters } from './Counters';
import { ModeControls } from './ModeControls';
import { ServerControls } from './ServerControls';
import { StepControls } from './StepControls';
import { TutorialSwitch } from './TutorialSwitch';

/** The top bar: server, loop mode and stepping, fidelity, counters. */
export function Toolbar() {
  return (
    <header className="toolbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ⇄
        </span>
        <span className="brand-name">Socket Lab</span>
      </div>
      <ServerControls />
      <ModeControls />
      <StepControls />
      <TutorialSwitch />
      <Counters />
    </header>
  );
}
