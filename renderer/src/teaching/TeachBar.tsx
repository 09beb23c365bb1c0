import { ActionButton } from '../actions/ActionButton';
import { FieldError } from '../components/FieldError';
import { useLabStore } from '../store/lab-store';
import { LessonsMenu } from './LessonsMenu';
import { PredictControls } from './PredictControls';
import { RunUntilForm } from './RunUntilForm';
import { ScenariosMenu } from './ScenariosMenu';

/** The toolbar's teaching row: scenarios and lessons, Predict, Run until, Presenter, the tutorial. */
export function TeachBar() {
  const error = useLabStore((s) => s.actionError);
  return (
    <div className="toolbar-row toolbar-teach" role="group" aria-label="Teaching">
      <div className="teach-group">
        <ScenariosMenu />
        <LessonsMenu />
        <ActionButton id="tutorial" className="btn btn-quiet">
          The tutorial
        </ActionButton>
      </div>
      <PredictControls />
      <RunUntilForm />
      <FieldError error={error} onDismiss={() => useLabStore.getState().setActionError(null)} />
    </div>
  );
}
