import { DEFAULT_HOST, DEFAULT_PORT } from '../../../shared/engine';
import { useLabStore } from '../store/lab-store';
import { selectWatching } from '../store/selectors';

/** The command a newcomer can paste to connect by hand. */
function useNc(): string {
  // A server never started reports host "" and port 0: suggest the defaults then.
  const host = useLabStore((s) => s.engine?.server.host || DEFAULT_HOST);
  const port = useLabStore((s) => s.engine?.server.port || DEFAULT_PORT);
  return `nc ${host === 'localhost' || host === '0.0.0.0' ? '127.0.0.1' : host} ${port}`;
}

/** What to do first, shown over the empty lists while the server is stopped and nothing is connected. */
export function EmptyState() {
  const stopped = useLabStore((s) => (s.engine?.server.state ?? 'stopped') !== 'listening');
  const empty = useLabStore((s) => s.connections.size === 0);
  // A watched program starts and stops on its own terms: the banner above says how it stands.
  const program = useLabStore(selectWatching);
  const nc = useNc();
  if (!stopped || !empty || program) return null;
  return (
    <div className="empty-state" role="note" aria-label="Getting started">
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
    </div>
  );
}

/** One line under the lists while the server listens and nobody has connected yet. */
export function ListeningHint() {
  const listening = useLabStore((s) => s.engine?.server.state === 'listening');
  const address = useLabStore((s) => s.engine?.server.address);
  const empty = useLabStore((s) => s.connections.size === 0);
  const nc = useNc();
  if (!listening || !empty) return null;
  return (
    <p className="listening-hint" role="note" aria-label="Getting started">
      <strong>Listening on {address}.</strong> Spawn clients, or run <code>{nc}</code> and type a line: watch
      its socket move from <strong>inputs</strong> to <strong>outputs</strong> and back.
    </p>
  );
}
