import { memo, useMemo } from 'react';
import type { IterationRecord } from '../../../shared/engine';
import { shallow } from 'zustand/shallow';
import { useLabStore, type LabState } from '../store/lab-store';
import { HISTORY_PACE_MS, usePacedLab } from '../store/use-paced';
import { selectPicked, selectReplaying } from '../store/selectors';
import { formatCount } from './format';
import { IterationActions } from './IterationActions';
import { useRovingTabIndex } from './tab-stop';
import { KeepFocusButton } from './KeepFocusButton';
import { VirtualList } from './VirtualList';
import { LogPanel } from '../log/LogPanel';
import { GoToIteration } from './GoToIteration';

const ROW_HEIGHT = 30;

const setText = (label: string, ids: number[]): string | null => {
  if (ids.length === 0) return null;
  return `${label} ${ids.length > 3 ? `${ids.length} sockets` : ids.map((id) => `#${id}`).join(' ')}`;
};

interface RowSummary {
  crashed: boolean;
  sets: string[];
}

/** Each record's row text, worked out once: a record never changes, and at 10,000 sockets it holds thousands of actions. */
const summaries = new WeakMap<IterationRecord, RowSummary>();

function summaryOf(record: IterationRecord): RowSummary {
  const known = summaries.get(record);
  if (known) return known;
  let crashed = false;
  const raised: string[] = [];
  // A Close or Reset of the user's is a record of its own, with no select(): say what it did.
  const mine: string[] = [];
  for (const a of record.actions) {
    if (a.kind === 'crash') crashed = true;
    else if (a.kind === 'raise') raised.push(`${a.exception} #${a.id}`);
    else if (a.kind === 'user-close') mine.push(`you: ${a.how} #${a.id}`);
  }
  const sets = [
    ...mine,
    setText('R', record.sets.readable),
    setText('W', record.sets.writable),
    setText('X', record.sets.exceptional),
    ...raised,
  ].filter((text): text is string => Boolean(text));
  const summary = { crashed, sets };
  summaries.set(record, summary);
  return summary;
}

/**
 * One iteration. Its accessible name is its visible text with words around it, never instead
 * of it ("Iteration 364 R #7 · W #8 5 actions"), so speech input can say what it sees (WCAG 2.5.3).
 * The spaces between the cells are for that name: the grid does not draw them.
 */
const IterationRow = memo(function IterationRow({
  record,
  picked,
}: {
  record: IterationRecord;
  picked: boolean;
}) {
  const view = useLabStore((s) => s.view);
  const tabIndex = useRovingTabIndex(record.n);
  const { crashed, sets } = summaryOf(record);
  return (
    <button
      type="button"
      className={`timeline-row ${crashed ? 'timeline-crash' : ''}`}
      aria-pressed={picked}
      tabIndex={tabIndex}
      onClick={() => view(picked ? null : record.n)}
      title={`Show the lists as they were after iteration ${record.n} (R readable, W writable, X exceptional)`}
    >
      <span className="timeline-n">
        <span className="visually-hidden">Iteration</span> {record.n}
      </span>{' '}
      <span className="timeline-sets">{sets.join(' · ') || 'nothing ready'}</span>{' '}
      <span className="timeline-count">
        {crashed && <span aria-hidden="true">⚠ </span>}
        {record.actions.length} action{record.actions.length === 1 ? '' : 's'}
        {crashed && <span className="visually-hidden">, where the original would crash</span>}
      </span>
    </button>
  );
});

/** Timeline | Log: two tabs over the same records. */
function HistoryTabs() {
  const tab = useLabStore((s) => s.lowerTab);
  const setTab = useLabStore((s) => s.setLowerTab);
  const tabs = [
    { id: 'timeline', label: 'Timeline', key: 'T' },
    { id: 'log', label: 'Log', key: 'L' },
  ] as const;
  return (
    <div role="tablist" aria-label="History" className="tabs">
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          aria-selected={tab === t.id}
          aria-controls="history-body"
          aria-keyshortcuts={t.key}
          tabIndex={tab === t.id ? 0 : -1}
          className="tab"
          onClick={() => setTab(t.id)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
              e.preventDefault();
              const other = t.id === 'timeline' ? 'log' : 'timeline';
              setTab(other);
              document.getElementById(`tab-${other}`)?.focus();
            }
          }}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

const selectKept = (s: LabState) => ({ history: s.history, coalesced: s.coalesced });

/** The retained iterations, newest first, virtualized; a click shows the window as it was. The Log tab lists their actions. */
export function TimelinePanel() {
  const tab = useLabStore((s) => s.lowerTab);
  const { history, coalesced } = usePacedLab(selectKept, HISTORY_PACE_MS, shallow);
  const viewing = useLabStore((s) => s.viewing);
  const replaying = useLabStore(selectReplaying);
  const view = useLabStore((s) => s.view);
  const count = history.length;
  const newestFirst = useMemo(() => history.map((r) => r.n).reverse(), [history]);
  const picked = selectPicked({ history, viewing });
  return (
    <section className="panel timeline-panel" aria-label="History">
      <header className="panel-header">
        <h2 className="visually-hidden">History</h2>
        <HistoryTabs />
        <span className="muted">
          {formatCount(count)} kept{coalesced > 0 ? ` · ${formatCount(coalesced)} summarised` : ''}
        </span>
        <KeepFocusButton
          className={viewing === null ? 'btn btn-small btn-live live-on' : 'btn btn-small btn-live'}
          disabled={viewing === null}
          onClick={() => view(null)}
          title={replaying ? 'Back to where the replay stands' : 'Back to the live lists'}
        >
          {/* A replay is not live: its lists are where it stands in the file. */}
          {replaying ? 'Current' : 'Live'}
        </KeepFocusButton>
      </header>
      {tab === 'log' ? (
        <div id="history-body" role="tabpanel" aria-labelledby="tab-log" className="history-body">
          <LogPanel />
        </div>
      ) : (
        <div id="history-body" role="tabpanel" aria-labelledby="tab-timeline" className="timeline-body">
          {/* A replay's own Go to (its bar) moves the replay there: one field, not two. */}
          {!replaying && <GoToIteration />}
          <VirtualList
            label="Iterations"
            ids={newestFirst}
            rowHeight={ROW_HEIGHT}
            overscan={8}
            initialHeight={300}
            scrollerClass="timeline-scroller"
            before={count === 0 && <p className="panel-empty">Iterations appear here as the loop runs.</p>}
            renderRow={(n, index) => {
              const record = history[count - 1 - index];
              return record && <IterationRow record={record} picked={n === viewing} />;
            }}
          />
          {picked && <IterationActions record={picked} />}
        </div>
      )}
    </section>
  );
}
