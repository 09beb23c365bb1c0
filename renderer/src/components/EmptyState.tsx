import { DEFAULT_HOST, DEFAULT_PORT } from '../../../shared/engine';
import { useLabStore } from '../store/lab-store';

/** What to do first, shown over the empty lists until the first connection arrives. */
export function EmptyState() {
  const state = useLabStore((s) => s.engine?.server.state ?? 'stopped');
  const host = useLabStore((s) => s.engine?.server.host ?? DEFAULT_HOST);
  const port = useLabStore((s) => s.engine?.server.port ?? DEFAULT_PORT);
  const empty = useLabStore((s) => s.connections.size === 0);
  if (!empty) return null;
  const listening = state === 'listening';
  const nc = `nc ${host === 'localhost' || host === '0.0.0.0' ? '127.0.0.1' : host} ${port}`;
  return (
    <div
      className={`empty-state ${listening ? 'empty-listening' : ''}`}
      role="note"
      aria-label="Getting started"
    >
      {listening ? (
        <>
          <h2>
            Listening on {host}:{port}
          </h2>
          <p>
            Spawn clients, or connect with <code>{nc}</code> and type a line: watch its socket move from{' '}
            <strong>inputs</strong> to <strong>outputs</strong> and back.
          </p>
        </>
      ) : (
        <>
          <h2>Watch select() at work</h2>
          <ol>
            <li>
              <strong>Start the server</strong> (press <kbd>S</kbd>).
            </li>
            <li>
              Then spawn clients or connect with <code>{nc}</code>.
            </li>
            <li>
              Switch to <strong>Step</strong> mode and press <kbd>Space</kbd> to run one iteration at a time.
            </li>
          </ol>
        </>
      )}
    </div>
  );
}
