import { useSend } from '../store/commands';
import { useLabStore } from '../store/lab-store';
import { CommandError } from './CommandError';
import { KeepFocusButton } from './KeepFocusButton';

const PROGRAM_COMMANDS = ['startServer', 'stopServer', 'watchEngine'] as const;

/** In place of Host, Port and Start Server while the lab watches a real program: what runs, and Start/Stop. */
export function ProgramControls() {
  const send = useSend();
  const argv = useLabStore((s) => s.engine?.program?.argv.join(' ') ?? '');
  // Its paths by file name (the original's is a temporary folder's): the whole command line on hover.
  const short = argv
    .split(' ')
    .map((arg) => arg.split(/[\\/]/).at(-1))
    .join(' ');
  const pid = useLabStore((s) => s.engine?.program?.pid ?? null);
  const state = useLabStore((s) => s.engine?.server.state ?? 'stopped');
  const address = useLabStore((s) => s.engine?.server.address ?? null);
  const running = state === 'listening' || state === 'starting';
  return (
    <div className="server-controls program-controls">
      <p className="program-what" title={argv}>
        Watching <code>{short}</code>
        {running && pid !== null ? <span className="muted"> · pid {pid}</span> : null}
        {address ? <span className="muted"> · listening {address}</span> : null}
      </p>
      <KeepFocusButton
        className={running ? 'btn btn-stop' : 'btn btn-primary'}
        onClick={() =>
          void (running ? send('stopServer', {}) : send('startServer', { host: '127.0.0.1', port: 0 }))
        }
        title={running ? 'Stop the program (SIGTERM)' : 'Run the program again, under the tracer'}
      >
        {running ? 'Stop program' : 'Start program'}
      </KeepFocusButton>
      <KeepFocusButton
        className="btn btn-small"
        onClick={() => void send('watchEngine', {})}
        title="Stop the program and go back to the lab's own engine"
      >
        Back to the lab’s engine
      </KeepFocusButton>
      <CommandError commands={PROGRAM_COMMANDS} />
    </div>
  );
}
