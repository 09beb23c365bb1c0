import type { Action, Fidelity } from '../../shared/engine';
import type { Connection } from './connection';
import type { Recorder } from './recorder';
import type { SelectLoop } from './select-loop';

/**
 * Runs the user's Close or Reset and records it as a record of its own (between two passes,
 * so none is open): its actions have the phase `user`, and no select() was called, so the
 * last select()'s sets stay what the window marks.
 */
export function recordUserClose(
  recorder: Recorder,
  loop: SelectLoop,
  connection: Connection,
  how: 'close' | 'reset',
  fidelity: Fidelity,
  acted: (action: Action) => void,
): void {
  const lastSets = recorder.lastSets;
  const record = recorder.begin(loop, { readable: [], writable: [], exceptional: [] }, fidelity);
  for (const action of userClose(loop, connection, how)) {
    record.actions.push(action);
    connection.remember(action);
    acted(action);
  }
  recorder.lastSets = lastSets;
  recorder.close(loop);
}

/**
 * The user's Close or Reset of one connection, as the server would do it between two passes of
 * the loop: take it out of the lists, close it, forget its queue. Close sends what was written
 * and then a FIN; Reset aborts with an RST (SO_LINGER 0), discarding anything unsent. Bytes
 * still queued are never sent: they are recorded as lost, whichever the mode.
 */
export function* userClose(
  loop: SelectLoop,
  connection: Connection,
  how: 'close' | 'reset',
): Generator<Action> {
  const { id } = connection;
  const phase = 'user';
  yield { phase, kind: 'user-close', id, how };
  if (loop.outputs.delete(id)) yield { phase, kind: 'outputs-remove', id, reason: 'closing' };
  if (loop.inputs.delete(id)) yield { phase, kind: 'inputs-remove', id };
  // RST first: close() would otherwise queue a FIN ahead of it.
  if (how === 'reset' && !connection.socket.destroyed) connection.socket.resetAndDestroy();
  connection.close();
  const dropped = loop.forget(connection);
  if (dropped > 0) {
    connection.bytesLost += dropped;
    yield { phase, kind: 'lost', id, bytes: dropped, why: 'queue-dropped' };
  }
  yield { phase, kind: 'close', id, reason: 'user' };
}
