import type { Stage } from '../stage';

/**
 * The seed's bugs, in Tutorial mode, each staged to happen at the next Step (or, for the
 * partial send, run to at full speed): the half-close's KeyError, the reset's
 * ConnectionResetError, the lost remainder of a partial send.
 */

/** The FIN came with the data: #1 queued and in outputs, its EOF waiting. The next select() returns it readable and writable. */
export async function halfClose(stage: Stage): Promise<void> {
  const size = 16;
  await stage.restart({}, 'tutorial', 'step');
  const ids = await stage.spawn({ behaviour: 'half-close', messageSize: size });
  await stage.until(
    () =>
      stage.fleet.client(ids[0] ?? 0)?.state === 'half-closed' &&
      stage.engine.snapshot().listener.queued === 1,
    'The client sending and shutting its side',
  );
  await stage.step('accept #1');
  await stage.until(() => {
    const view = stage.engine.connectionView(1);
    return view?.eof === true && view.recvBuffered === size;
  }, 'The message and the FIN reaching #1');
  await stage.step('recv #1');
  await stage.until(() => {
    const next = stage.engine.pending();
    return next?.readable.includes(1) === true && next.writable.includes(1);
  }, '#1 being readable and writable');
}

/** The client got its echo and reset the connection: #1's error waits for the next recv(). */
export async function reset(stage: Stage): Promise<void> {
  const size = 16;
  await stage.restart({}, 'tutorial', 'step');
  const ids = await stage.spawn({ behaviour: 'reset', messageSize: size });
  await stage.until(
    () => stage.sent(ids, size) && stage.engine.snapshot().listener.queued === 1,
    'The client connecting and sending',
  );
  await stage.step('accept #1');
  await stage.step('recv #1');
  await stage.step('send #1');
  await stage.until(() => stage.engine.connectionView(1)?.error === 'ECONNRESET', 'The client’s reset');
}

/** A slow reader fills the send buffer; the loop runs until the first partial send and halts there. */
export async function partialSend(stage: Stage): Promise<void> {
  await stage.restart({}, 'tutorial', 'run');
  const halted = stage.runUntil({ kind: 'partial-send' }, 'A partial send');
  await stage.spawn({ behaviour: 'slow-reader', messageSize: 64 * 1024 });
  await halted;
}
