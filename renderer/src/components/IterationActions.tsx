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
