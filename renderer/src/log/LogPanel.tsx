import { memo, useMemo, useState } from 'react';
import type { ActionKind } from '../../../shared/engine';
import { FieldError } from '../components/FieldError';
import { formatCount } from '../components/format';
import { useRovingTabIndex } from '../components/tab-stop';
import { VirtualList } from '../components/VirtualList';
import { useLabStore, type LabState } from '../store/lab-store';
import { HISTORY_PACE_MS, usePacedLab } from '../store/use-paced';
import type { LabError } from '../../../shared/result';
import { clock, LOG_KINDS, logLines, logText, type LogFilter, type LogLine } from './log-lines';

const ROW_HEIGHT = 24;

const LogRow = memo(function LogRow({ line }: { line: LogLine }) {
  const view = useLabStore((s) => s.view);
  const tabIndex = useRovingTabIndex(line.key);
  return (
    <button
      type="button"
      className={`log-row action-${line.action.kind}`}
      tabIndex={tabIndex}
      onClick={() => view(line.n)}
      title={`Show the lists as they were after iteration ${line.n}`}
    >
      <time className="log-time">{clock(line.at)}</time>{' '}
      <span className="action-phase">{line.action.phase}</span> <span className="log-text">{line.text}</span>
    </button>
  );
});

/** "#3", "3" → 3; "" → null (any socket); anything else is an error. */
function parseSocket(text: string): { socket: number | null } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { socket: null };
  const match = /^#?(\d{1,9})$/.exec(trimmed);
  return match
    ? { socket: Number(match[1]) }
    : { error: 'Socket must be a number such as 3 (or #3), or empty for any.' };
}

function download(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'socket-lab-log.txt';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const selectHistory = (s: LabState) => s.history;

/**
 * Every action of the iterations the store keeps, with its time: searchable, filtered by
 * socket and kind, virtualized, exportable as text. It reads only the store's records, so a
 * replay drives it the same way as the live engine.
 */
export function LogPanel() {
  const history = usePacedLab(selectHistory, HISTORY_PACE_MS);
  const [search, setSearch] = useState('');
  const [socketText, setSocketText] = useState('');
  const [kind, setKind] = useState<ActionKind | null>(null);
  const socket = parseSocket(socketText);
  const socketError: LabError | null =
    'error' in socket ? { code: 'BAD_ARGUMENT', message: socket.error } : null;
  const filter: LogFilter = { search, socket: 'socket' in socket ? socket.socket : null, kind };
  const lines = useMemo(
    () => logLines(history, filter),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the filter's parts are its identity
    [history, filter.search, filter.socket, filter.kind],
  );
  const byKey = useMemo(() => new Map(lines.map((l) => [l.key, l])), [lines]);
  const keys = useMemo(() => lines.map((l) => l.key), [lines]);
  return (
    <div className="log-body">
      <div className="log-filters" role="search" aria-label="Log filters">
        <input
          type="search"
          aria-label="Search the log"
          placeholder="Search the log"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <label className="field">
          <span>Socket</span>
          <input
            value={socketText}
            size={4}
            placeholder="any"
            onChange={(e) => setSocketText(e.target.value)}
          />
        </label>
        <div className="field">
          <span id="log-kind-label">Kind</span>
          <select
            aria-labelledby="log-kind-label"
            value={kind ?? ''}
            onChange={(e) => setKind(e.target.value === '' ? null : (e.target.value as ActionKind))}
          >
            <option value="">any</option>
            {LOG_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="btn btn-small" onClick={() => download(logText(lines))}>
          Export log
        </button>
      </div>
      <FieldError error={socketError} />
      <p className="log-count muted">
        {formatCount(lines.length)} action{lines.length === 1 ? '' : 's'}
      </p>
      <VirtualList
        label="Log"
        ids={keys}
        rowHeight={ROW_HEIGHT}
        overscan={10}
        initialHeight={300}
        scrollerClass="log-scroller"
        before={lines.length === 0 && <p className="panel-empty">No action matches.</p>}
        renderRow={(key) => {
          const line = byKey.get(key);
          return line && <LogRow line={line} />;
        }}
      />
    </div>
  );
}
