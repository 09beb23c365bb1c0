import type { Action } from '../../../shared/engine';
import { formatAction } from '../../../shared/format';
import { ScrollList } from './ScrollList';

/** Shown at most; the engine keeps its own bound too. */
const SHOWN = 200;

/** One connection's own actions, newest first. */
export function ActionHistory({ actions }: { actions: Action[] }) {
  const newest = actions.slice(-SHOWN).reverse();
  return (
    <div className="history">
      <h4>history</h4>
      {newest.length === 0 ? (
        <p className="panel-empty">No actions yet.</p>
      ) : (
        <ScrollList className="action-log" label="Connection history">
          {newest.map((action, index) => (
            <li key={index} className={`action action-${action.kind}`}>
              <span className="action-phase">{action.phase}</span> {formatAction(action)}
            </li>
          ))}
        </ScrollList>
      )}
    </div>
  );
}
