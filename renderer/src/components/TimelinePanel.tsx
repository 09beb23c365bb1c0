import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import type { IterationRecord } from '../../../shared/engine';
import { useLabStore } from '../store/lab-store';
import { selectPicked } from '../store/selectors';
import { formatCount } from './format';
import { IterationActions } from './IterationActions';

const ROW_HEIGHT = 30;

const setText = (label: string, ids: number[]): string | null => {
  if (ids.length === 0) return null;
  return `${label} ${ids.length > 3 ? `${ids.length} sockets` : ids.map((id) => `#${id}`).join(' ')}`;
};

const IterationRow = memo(function IterationRow({
  record,
  picked,
}: {
  record: IterationRecord;
  picked: boolean;
}) {
  const view = useLabStore((s) => s.view);
  const crashed = record.actions.some((a) => a.kind === 'crash');
  const raised = record.actions.flatMap((a) => (a.kind === 'raise' ? [`${a.exception} #${a.id}`] : []));
  const sets = [
    setText('R', record.sets.readable),
    setText('W', record.sets.writable),
    setText('X', record.sets.exceptional),
    ...raised,
  ].filter(Boolean);
  return (
    <button
      type="button"
      className={`timeline-row ${crashed ? 'timeline-crash' : ''}`}
      aria-pressed={picked}
      aria-label={`Iteration ${record.n}`}
      onClick={() => view(picked ? null : record.n)}
      title={`Show the lists as they were after iteration ${record.n}`}
    >
      <span className="timeline-n">{record.n}</span>
      <span className="timeline-sets">{sets.join(' · ') || 'nothing ready'}</span>
      <span className="timeline-count">
        {crashed ? '⚠ ' : ''}
        {record.actions.length} actions
      </span>
    </button>
  );
});

/** The retained iterations, newest first, virtualized; a click shows the window as it was. */
export function TimelinePanel() {
  const history = useLabStore((s) => s.history);
  const viewing = useLabStore((s) => s.viewing);
  const coalesced = useLabStore((s) => s.coalesced);
  const view = useLabStore((s) => s.view);
  const scroller = useRef<HTMLDivElement>(null);
  const count = history.length;
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders us itself
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 300, height: 300 },
    getItemKey: (index) => history[count - 1 - index]?.n ?? index,
  });
  const picked = selectPicked({ history, viewing });
  return (
    <section className="panel timeline-panel" aria-label="Timeline">
      <header className="panel-header">
        <h2>Timeline</h2>
        <span className="muted">
          {formatCount(count)} kept{coalesced > 0 ? ` · ${formatCount(coalesced)} summarised` : ''}
        </span>
        <button
          type="button"
          className={viewing === null ? 'btn btn-small btn-live live-on' : 'btn btn-small btn-live'}
          disabled={viewing === null}
          onClick={() => view(null)}
          title="Back to the live lists"
        >
          Live
        </button>
      </header>
      <div className="timeline-body">
        <div ref={scroller} className="timeline-scroller">
          {count === 0 && <p className="panel-empty">Iterations appear here as the loop runs.</p>}
          <div
            role="list"
            aria-label="Iterations"
            className="timeline-list"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const record = history[count - 1 - item.index];
              if (!record) return null;
              return (
                <div
                  key={item.key}
                  role="listitem"
                  className="list-row"
                  style={{ top: item.start, height: ROW_HEIGHT }}
                >
                  <IterationRow record={record} picked={record.n === viewing} />
                </div>
              );
            })}
          </div>
        </div>
        {picked && <IterationActions record={picked} />}
      </div>
    </section>
  );
}
