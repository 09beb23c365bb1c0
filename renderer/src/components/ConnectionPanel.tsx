import { useEffect, useRef, useState } from 'react';
import type { ConnectionDetail, SocketId } from '../../../shared/engine';
import type { LabError } from '../../../shared/result';
import { useLabApi } from '../store/api-context';
import { useLabStore } from '../store/lab-store';
import { selectWatching, selectReplaying } from '../store/selectors';
import { ConnectionFacts } from './ConnectionFacts';
import { ActionHistory } from './ActionHistory';
import { FieldError } from './FieldError';
import { QueueView } from './QueueView';
import { ConnectionActions } from './ConnectionActions';

/** Fresh detail at most this often while the connection keeps changing. */
const REFRESH_MS = 150;

/** inspect(id), again whenever the connection's view changes, throttled. */
function useInspect(id: SocketId): { detail: ConnectionDetail | null; error: LabError | null } {
  const api = useLabApi();
  const view = useLabStore((s) => s.connections.get(id));
  const [detail, setDetail] = useState<ConnectionDetail | null>(null);
  const [error, setError] = useState<LabError | null>(null);
  const lastAsked = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    const wait = Math.max(0, lastAsked.current + REFRESH_MS - performance.now());
    const timer = window.setTimeout(() => {
      lastAsked.current = performance.now();
      // A newer view changing meanwhile does not void this answer (the panel is keyed by id).
      void api.inspect({ id }).then((result) => {
        if (!mounted.current) return;
        if (result.ok) {
          setDetail(result.value);
          setError(null);
        } else setError(result.error);
      });
    }, wait);
    return () => window.clearTimeout(timer);
  }, [api, id, view]);
  return { detail, error };
}

function ListenerDetail() {
  const server = useLabStore((s) => s.engine?.server);
  const listener = useLabStore((s) => s.engine?.listener);
  if (!listener) return null;
  const { backlog, queued, waiting } = listener;
  return (
    <div className="detail-body">
      <h3>
        #0 <span className="muted">listening socket, fd {listener.fd}</span>
      </h3>
      <p>
        {server?.address ? `Bound to ${server.address}.` : 'Not bound.'} It becomes <em>readable</em> when a
        connection waits in its accept queue for <code>accept()</code>: {queued} now.
      </p>
      <p>
        <code>listen({backlog})</code> lets at most {backlog + 1} connections wait there, as Linux does. A
        client that finds it full has its SYN dropped and tries again after 1 s, 3 s, 7 s, 15 s, 31 s and 63
        s, then gives up: {waiting} waiting for a retry now
        {listener.nextRetryAt !== null ? <RetryIn at={listener.nextRetryAt} /> : null}. (Node takes every
        connection the kernel offers, so here their <code>connect()</code> has already returned; the lab holds
        them back as the kernel would.)
      </p>
    </div>
  );
}

/** ", the next at 10:02:04". */
function RetryIn({ at }: { at: number }) {
  return <>, the next at {new Date(at).toLocaleTimeString()}</>;
}

function ConnectionBody({ id }: { id: SocketId }) {
  const { detail, error } = useInspect(id);
  // Close and Reset act on the lab's own live sockets: not a replay's, not a watched program's.
  const actable = useLabStore((s) => !selectReplaying(s) && !selectWatching(s));
  if (!detail) return <FieldError error={error} />;
  return (
    <div className="detail-body">
      <ConnectionFacts detail={detail} />
      {actable && <ConnectionActions id={id} />}
      <QueueView detail={detail} />
      <ActionHistory actions={detail.history} />
      <FieldError error={error} />
    </div>
  );
}

/** The chosen connection: queue, counters, send-buffer fill and its own history. */
export function ConnectionPanel() {
  const id = useLabStore((s) => s.selectedId);
  const select = useLabStore((s) => s.select);
  return (
    // Focusable from script: where focus goes when the detail it was in closes.
    <section className="panel connection-panel" aria-label="Connection detail" tabIndex={-1}>
      <header className="panel-header">
        <h2>Connection</h2>
        {id !== null && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => select(null)}
            aria-label="Close detail"
          >
            ×
          </button>
        )}
      </header>
      {id === null && (
        <p className="panel-empty">Click a socket chip to see its queue, byte counts and history.</p>
      )}
      {id === 0 && <ListenerDetail />}
      {id !== null && id !== 0 && <ConnectionBody key={id} id={id} />}
    </section>
  );
}
