import type { IterationRecord } from '../../../shared/engine';
import { formatAction } from '../../../shared/format';
import { ScrollList } from './ScrollList';

/** Everything one iteration did, in order. */
export function IterationActions({ record }: { record: IterationRecord }) {
  return (
    <div className="iteration-actions">
      <h3>
        Iteration {record.n}{' '}
        <span className="muted">
          {record.micros} µs · {record.fidelity}
        </span>
      </h3>
      <p className="passed-in">
        <code>
          select(inputs=[{record.inputs.map((id) => `#${id}`).join(', ')}], outputs=[
          {record.outputs.map((id) => `#${id}`).join(', ')}], inputs)
        </code>{' '}
        <span className="muted">the lists passed in</span>
      </p>
      <ScrollList className="action-log" label={`Actions of iteration ${record.n}`}>
        {record.actions.map((action, index) => (
          <li key={index} className={`action action-${action.kind}`}>
            <span className="action-phase">{action.phase}</span> {formatAction(action)}
          </li>
        ))}
      </ScrollList>
    </div>
  );
}
