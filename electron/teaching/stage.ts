import type { Breakpoint } from '../../shared/breakpoints';
import type { SpawnSpec } from '../../shared/contract';
import {
  DEFAULT_OPTIONS,
  type ConnectionView,
  type EngineOptions,
  type Fidelity,
  type Mode,
} from '../../shared/engine';
import type { ClientView } from '../../shared/fleet';
import type { TeachingEngine } from '../host/engine-port';
import type { FleetPort } from '../host/fleet-port';

/** A scenario could not be set up: the message says which condition never came. */
export class ScenarioError extends Error {}

/** Where to start the server when a scenario finds it stopped. */
export interface Address {
  host: string;
  port: number;
}

/** How long one condition may take before the setup gives up (a guard, never a pace). */
const DEFAULT_WAIT_MS = 15_000;

/**
 * What a scenario sets up with: a freshly restarted server with the scenario's options,
 * clients of the fleet, and waits that re-check a condition whenever the engine or the
 * fleet says something changed. Never a sleep: the setups are deterministic because each
 * step waits for the state the next one needs.
 */
export class Stage {
  constructor(
    readonly engine: TeachingEngine,
    readonly fleet: FleetPort,
    private readonly address: Address,
  ) {}

  /**
   * Stops every client and the server, applies the seed's options plus `options`, and starts
   * again on the same address: ids count from #1 and descriptors from 4, as in a fresh run.
   */
  async restart(options: Partial<EngineOptions>, fidelity: Fidelity, mode: Mode): Promise<void> {
    const { server } = this.engine.snapshot();
    const host = server.state === 'listening' ? server.host : this.address.host;
    const port = server.state === 'listening' ? server.port : this.address.port;
    // The server first: a client still connecting then meets a closed port, never the new server.
    if (server.state === 'listening' || server.state === 'starting') await this.engine.stop();
    await this.fleet.quiesce();
    const { slowDelayMs: _keepSpeed, ...seed } = DEFAULT_OPTIONS;
    expect(this.engine.setOptions({ ...seed, ...options }), 'the scenario’s options');
    expect(this.engine.setFidelity(fidelity), 'the fidelity');
    expect(this.engine.setMode(mode), 'the mode');
    const started = await this.engine.start(host, port);
    if (!started.ok) throw new ScenarioError(started.error.message);
  }

  /** Spawns clients of the fleet against the server; returns their ids. */
  async spawn(patch: Partial<SpawnSpec> & Pick<SpawnSpec, 'behaviour'>): Promise<number[]> {
    const { server } = this.engine.snapshot();
    const spec: SpawnSpec = {
      count: 1,
      messageSize: 16,
      intervalMs: 0,
      connectRate: 10_000,
      lifetimeMs: 0,
      reconnect: false,
      ...patch,
    };
    const spawned = await this.fleet.spawn(spec, { host: server.host, port: server.port });
    if (!spawned.ok) throw new ScenarioError(spawned.error.message);
    return spawned.value.ids;
  }

  client(id: number): ClientView | undefined {
    return this.fleet.client(id);
  }

  /** The server's connection whose peer is fleet client `clientId`, once accepted. */
  connectionOf(clientId: number): ConnectionView | undefined {
    const port = this.fleet.client(clientId)?.localPort;
    if (port === null || port === undefined) return undefined;
    return this.engine.snapshot().connections.find((c) => c.peer.endsWith(`:${port}`));
  }

  /** Clients that are connected and have written at least `bytes` each. */
  sent(ids: number[], bytes: number): boolean {
    return ids.every((id) => {
      const client = this.fleet.client(id);
      return client !== undefined && client.state !== 'connecting' && client.bytesSent >= bytes;
    });
  }

  /** Resolves once `condition` holds, re-checked on every engine and fleet event; fails saying `what`. */
  until(condition: () => boolean, what: string, ms = DEFAULT_WAIT_MS): Promise<void> {
    return new Promise((resolve, reject) => {
      let queued = false;
      const offs: (() => void)[] = [];
      const finish = (error?: Error): void => {
        clearTimeout(deadline);
        for (const off of offs.splice(0)) off();
        if (error) reject(error);
        else resolve();
      };
      const check = (): void => {
        if (condition()) finish();
      };
      // Events come by the thousand in Run mode: one check per turn of the event loop is enough.
      const soon = (): void => {
        if (queued) return;
        queued = true;
        setImmediate(() => {
          queued = false;
          check();
        });
      };
      const deadline = setTimeout(
        () => finish(new ScenarioError(`${what} did not happen within ${ms / 1000} s.`)),
        ms,
      );
      offs.push(
        this.engine.on('state', soon),
        this.engine.on('iteration', soon),
        this.engine.on('action', soon),
        this.fleet.on('change', soon),
      );
      check();
    });
  }

  /**
   * Arms Run until `breakpoint` at once; the returned promise resolves when the loop halts
   * there (a halt action is recorded), so a spawn after this call cannot outrun it.
   */
  runUntil(breakpoint: Breakpoint, what: string): Promise<void> {
    let halted = false;
    const off = this.engine.on('action', (action) => {
      if (action.kind === 'halt') halted = true;
    });
    const armed = this.engine.runUntil(breakpoint);
    if (!armed.ok) {
      off();
      return Promise.reject(new ScenarioError(armed.error.message));
    }
    return this.until(() => halted, what, 60_000).finally(off);
  }

  /** One Step; waits first until select() would return something (the network keeps going). */
  async step(what: string): Promise<void> {
    await this.until(() => ready(this.engine.pending()), `${what}: something ready for select()`);
    const stepped = await this.engine.step();
    if (!stepped.ok) throw new ScenarioError(`${what}: ${stepped.error.message}`);
  }
}

const ready = (sets: ReturnType<TeachingEngine['pending']>): boolean =>
  sets !== null && sets.readable.length + sets.writable.length + sets.exceptional.length > 0;

function expect(result: { ok: boolean; error?: { message: string } }, what: string): void {
  if (!result.ok) throw new ScenarioError(`${what}: ${result.error?.message ?? 'refused'}`);
}
