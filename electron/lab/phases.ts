import {
  LISTENER_ID,
  type Action,
  type CloseReason,
  type Phase,
  type SocketException,
  type SocketId,
} from '../../shared/engine';
import type { Connection } from './connection';
import type { SelectLoop } from './select-loop';

/**
 * The bodies of the seed's three `for s in …` loops, for one socket each.
 * Every action is done before it is yielded; Safe and Tutorial part where
 * the seed has its bugs.
 */

/** `for s in readable:` — accept, or `recv()` into the queue, or EOF. */
export function* readablePhase(loop: SelectLoop, id: SocketId): Generator<Action> {
  if (id === LISTENER_ID) {
    const accepted = loop.accept();
    if (!accepted) return;
    yield accepted;
    if (accepted.kind === 'accept') yield* loop.afterAccept(accepted.id);
    return;
  }
  const connection = loop.sockets.get(id);
  if (!connection || connection.closed) return;
  const blocked = loop.capBlocking(connection);
  if (blocked !== null) {
    // An earlier recv in this iteration filled the total cap.
    if (connection.backpressure !== blocked) yield loop.markBackpressure(connection, blocked, 'readable');
    return;
  }
  const { recvSize } = loop.options;
  const data = connection.recv(recvSize);
  if (!Buffer.isBuffer(data)) {
    yield* raised(loop, connection, 'recv', data.error, 'readable', `s.recv(${recvSize})`);
    return;
  }
  if (data.length > 0) {
    yield { phase: 'readable', kind: 'recv', id, bytes: data.length };
    // `message_queues[s].put(data)`: a connection's queue is the one message_queues holds for it.
    connection.queue.put(data);
    yield { phase: 'readable', kind: 'put', id, bytes: data.length };
    if (loop.outputs.add(id)) yield { phase: 'readable', kind: 'outputs-add', id };
    return;
  }
  yield { phase: 'readable', kind: 'eof', id };
  if (loop.fidelity === 'tutorial') {
    yield* removeAndClose(loop, connection, 'eof', 'readable');
    return;
  }
  // Safe: close the read side, but echo what is queued before closing.
  loop.inputs.delete(id);
  yield { phase: 'readable', kind: 'inputs-remove', id };
  connection.readClosed = true;
  if (connection.queue.length === 0) {
    yield* removeAndClose(loop, connection, 'eof', 'readable');
  } else if (loop.outputs.add(id)) {
    yield { phase: 'readable', kind: 'outputs-add', id };
  }
}

/** `for s in writable:` — `get_nowait()` then `send()`, or an empty queue leaves `outputs`. */
export function* writablePhase(loop: SelectLoop, id: SocketId): Generator<Action> {
  // message_queues and the open sockets gain and lose a connection together (accept, forget).
  const connection = loop.sockets.get(id);
  const queue = connection?.queue;
  if (!queue || !connection || connection.closed) {
    if (loop.fidelity === 'safe') {
      yield { phase: 'writable', kind: 'skip', id, reason: 'closed-earlier' };
      return;
    }
    const detail = 'message_queues[s]: s was closed and its queue deleted earlier in this iteration';
    yield { phase: 'writable', kind: 'crash', id, exception: 'KeyError', detail };
    return;
  }
  const message = queue.getNowait();
  if (!message) {
    loop.outputs.delete(id);
    yield { phase: 'writable', kind: 'outputs-remove', id, reason: 'queue-empty' };
    if (connection.readClosed) yield* removeAndClose(loop, connection, 'flushed', 'writable');
    return;
  }
  yield { phase: 'writable', kind: 'get', id, bytes: message.length };
  const sent = connection.send(message, loop.options.sendBufferSize);
  if (typeof sent !== 'number') {
    queue.putFront(message);
    yield* raised(loop, connection, 'send', sent.error, 'writable', 's.send(next_msg)');
    return;
  }
  yield { phase: 'writable', kind: 'send', id, sent, of: message.length };
  const rest = message.length - sent;
  if (rest === 0) return;
  if (loop.fidelity === 'safe') {
    queue.putFront(message.subarray(sent));
    yield { phase: 'writable', kind: 'requeue', id, bytes: rest };
  } else {
    connection.bytesLost += rest;
    yield { phase: 'writable', kind: 'lost', id, bytes: rest, why: 'partial-send' };
  }
}

/** `for s in exceptional:` — remove and close. Only urgent (out-of-band) data puts a socket here. */
export function* exceptionalPhase(loop: SelectLoop, id: SocketId): Generator<Action> {
  const connection = loop.sockets.get(id);
  if (connection && !connection.closed) {
    yield* removeAndClose(loop, connection, 'exceptional', 'exceptional');
    return;
  }
  if (loop.fidelity === 'safe') {
    yield { phase: 'exceptional', kind: 'skip', id, reason: 'closed-earlier' };
    return;
  }
  const detail = 'inputs.remove(s): s was already removed earlier in this iteration';
  yield { phase: 'exceptional', kind: 'crash', id, exception: 'ValueError', detail };
}

/** Python's exception for an errno (PEP 3151's OSError subclasses). */
const EXCEPTIONS: Record<string, SocketException> = {
  ECONNRESET: 'ConnectionResetError',
  EPIPE: 'BrokenPipeError',
  ECONNABORTED: 'ConnectionAbortedError',
  ETIMEDOUT: 'TimeoutError',
};

/**
 * A call raised a socket error. The seed catches nothing, so in Tutorial mode the
 * original dies there; the fixed server catches it and closes the socket, and so
 * does the lab after recording the crash.
 */
function* raised(
  loop: SelectLoop,
  connection: Connection,
  call: 'recv' | 'send',
  errno: string,
  phase: Phase,
  line: string,
): Generator<Action> {
  const { id } = connection;
  const exception = EXCEPTIONS[errno] ?? 'OSError';
  yield { phase, kind: 'raise', id, call, exception, errno };
  if (loop.fidelity === 'tutorial') {
    const detail = `${line} raised ${exception} [${errno}], and nothing catches it`;
    yield { phase, kind: 'crash', id, exception, detail };
  }
  yield* removeAndClose(loop, connection, 'error', phase);
}

/** The seed's removal sequence: outputs, inputs, close, `del message_queues[s]`. */
function* removeAndClose(
  loop: SelectLoop,
  connection: Connection,
  reason: CloseReason,
  phase: Phase,
): Generator<Action> {
  const { id } = connection;
  if (loop.outputs.delete(id)) yield { phase, kind: 'outputs-remove', id, reason: 'closing' };
  if (loop.inputs.delete(id)) yield { phase, kind: 'inputs-remove', id };
  const error = connection.error;
  connection.close();
  const dropped = loop.forget(connection);
  // Undeliverable anyway after an error; after a plain EOF it is the seed's bug.
  if (dropped > 0 && reason === 'eof') {
    connection.bytesLost += dropped;
    yield { phase, kind: 'lost', id, bytes: dropped, why: 'queue-dropped' };
  }
  yield error === null ? { phase, kind: 'close', id, reason } : { phase, kind: 'close', id, reason, error };
}
