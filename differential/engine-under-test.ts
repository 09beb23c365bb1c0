import { LISTENER_FD, LISTENER_ID, type SocketId } from '../shared/engine';
import { SelectServer } from '../electron/lab/select-server';
import { waitUntil } from '../electron/lab/testing';
import type { LockstepClients } from './lockstep-clients';
import { passOfRecord, type Pass } from './pass';

/** The engine as the seed runs: Tutorial mode, stopping where the original dies, stepped one select() at a time. */
export class EngineUnderTest {
  port = 0;
  private readonly fds = new Map<SocketId, number>([[LISTENER_ID, LISTENER_FD]]);

  private constructor(
    readonly server: SelectServer,
    private readonly clients: LockstepClients,
  ) {}

  static async start(clients: LockstepClients): Promise<EngineUnderTest> {
    const server = new SelectServer({ stopOnCrash: true, backlog: 5, recvSize: 1024 }, 'tutorial');
    server.setMode('step');
    const started = await server.start('127.0.0.1', 0);
    if (!started.ok) throw new Error(started.error.message);
    const engine = new EngineUnderTest(server, clients);
    engine.port = started.value.port;
    return engine;
  }

  async step(): Promise<Pass | 'blocks'> {
    const result = await this.server.step();
    if (!result.ok) {
      if (result.error.code === 'NOTHING_READY' || result.error.code === 'NOT_RUNNING') return 'blocks';
      throw new Error(result.error.message);
    }
    return passOfRecord(result.value, this.fds, this.clients.nameOf);
  }

  async acceptQueue(): Promise<number> {
    await this.server.settled();
    return this.server.snapshot().listener.queued;
  }

  waitForAcceptQueue(atLeast: number): Promise<void> {
    const queued = () => this.server.snapshot().listener.queued;
    return waitUntil(
      () => queued() >= atLeast,
      () => `${atLeast} in the accept queue (${queued()})`,
    );
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }
}
