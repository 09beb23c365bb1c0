import type { Stage } from '../stage';

/**
 * The seed working as meant: one client, then three taking turns, then a message longer
 * than recv(1024). Each halts in Step mode right before the select() worth watching.
 */

/** One echo client waits in the accept queue, its message already sent. */
export async function oneClient(stage: Stage): Promise<void> {
  await stage.restart({}, 'safe', 'step');
  const ids = await stage.spawn({ behaviour: 'echo', messageSize: 16, intervalMs: 2000 });
  await stage.until(
    () => stage.sent(ids, 16) && stage.engine.snapshot().listener.queued === 1,
    'The client connecting and sending its message',
  );
}

/**
 * Three clients accepted (#1, #2, #3), then each sends a message: the next select() returns all
 * three readable. Idle clients, so no message is read while the others are still being accepted.
 */
export async function threeClients(stage: Stage): Promise<void> {
  await stage.restart({}, 'safe', 'step');
  const ids = await stage.spawn({ behaviour: 'idle', count: 3 });
  await stage.until(
    () => stage.sent(ids, 0) && stage.engine.snapshot().listener.queued === 3,
    'Three clients connecting',
  );
  for (let i = 1; i <= 3; i++) await stage.step(`accept #${i}`);
  for (const [i, id] of ids.entries()) {
    const sent = await stage.fleet.send(id, Buffer.from(`hello from client ${i + 1}\n`));
    if (sent && !sent.ok) throw new Error(sent.error.message);
  }
  await stage.until(
    () => stage.engine.pending()?.readable.length === 3,
    'All three messages reaching the server',
  );
}

/** One 3,000-byte message, all of it in the kernel for #1: recv(1024) will take three passes. */
export async function recvChunks(stage: Stage): Promise<void> {
  const size = 3000;
  await stage.restart({}, 'safe', 'step');
  const ids = await stage.spawn({ behaviour: 'burst', messageSize: size });
  await stage.until(
    () => stage.sent(ids, size) && stage.engine.snapshot().listener.queued === 1,
    'The client connecting and sending 3,000 bytes',
  );
  await stage.step('accept #1');
  await stage.until(
    () => stage.engine.connectionView(1)?.recvBuffered === size,
    'All 3,000 bytes reaching #1',
  );
}
