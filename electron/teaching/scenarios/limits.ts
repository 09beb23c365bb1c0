import type { Stage } from '../stage';

/** The kernel's limits: the listen(5) accept queue, and select()'s 1,024 descriptors. */

/** Twenty clients at once against listen(5): six in the accept queue, fourteen waiting for a SYN retry. */
export async function listenQueue(stage: Stage): Promise<void> {
  await stage.restart({}, 'safe', 'step');
  await stage.spawn({ behaviour: 'idle', count: 20 });
  await stage.until(() => {
    const { listener } = stage.engine.snapshot();
    return listener.queued === 6 && listener.waiting === 14;
  }, 'Twenty clients filling the accept queue');
}

/** 1,021 idle clients: the last accept() gives fd 1024, and the original dies at the next select(). */
export async function fdWall(stage: Stage): Promise<void> {
  await stage.restart({ backlog: 2048 }, 'tutorial', 'run');
  const halted = stage.runUntil({ kind: 'crash' }, 'The 1,021st connection');
  await stage.spawn({ behaviour: 'idle', count: 1021, connectRate: 2000 });
  await halted;
}
