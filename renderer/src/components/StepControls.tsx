import { ActionButton } from '../actions/ActionButton';
import { StepBackButtons } from '../replay/StepBackButtons';
import { CommandError } from './CommandError';

const STEPPING = ['step', 'stepAction'] as const;

/** Step (one iteration) and Step action (one line of the seed), live only in Step mode. */
export function StepControls() {
  return (
    <div className="step-controls">
      <StepBackButtons />
      <ActionButton id="step" />
      <ActionButton id="step-action" />
      <CommandError commands={STEPPING} />
    </div>
  );
}
