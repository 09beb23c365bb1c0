import type { SocketId } from '../../../shared/engine';
import { useSend } from '../store/commands';
import { CommandError } from './CommandError';

const CLOSING = ['closeConnection'] as const;

/** Close (the server's s.close(): FIN) and Reset (RST) of this connection, recorded as the user's actions. */
export function ConnectionActions({ id }: { id: SocketId }) {
  const send = useSend();
  return (
    <div className="connection-actions" role="group" aria-label="Act on this connection">
      <button
        type="button"
        className="btn btn-small"
        title="The server closes it: s.close(), what was written still goes out, then FIN. Queued bytes are lost."
        onClick={() => void send('closeConnection', { id, how: 'close' })}
      >
        Close
      </button>
      <button
        type="button"
        className="btn btn-small btn-stop"
        title="The server aborts it with an RST: nothing unsent goes out; the client sees ECONNRESET."
        onClick={() => void send('closeConnection', { id, how: 'reset' })}
      >
        Reset
      </button>
      <CommandError commands={CLOSING} />
    </div>
  );
}
