import type { Notice, SpawnSpec } from '../../shared/contract';
import { fleetDown, type ClientView, type FleetSummary } from '../../shared/fleet';
import type { Result } from '../../shared/result';

type MaybePromise<T> = T | Promise<T>;

/** Where spawned clients connect: the server's bound address. */
export interface FleetTarget {
  host: string;
  port: number;
}

/**
 * What the host needs from the test-client fleet (electron/fleet/). Injected, so the
 * host runs without one (the fleet's commands then answer FLEET_DOWN).
 */
export interface FleetPort {
  spawn(spec: SpawnSpec, target: FleetTarget): MaybePromise<Result<{ ids: number[] }>>;
  stopAll(): MaybePromise<Result<null> | void>;
  /** Stops every client; resolves once none of them can connect any more. */
  quiesce(): Promise<void>;
  send(clientId: number, data: Buffer): MaybePromise<Result<null> | void>;
  clients(): ClientView[];
  /** One client's view, without walking the others. */
  client(id: number): ClientView | undefined;
  summary(): FleetSummary;
  /** Client ids changed or removed since the last call. */
  takeChanges(): { changed: number[]; removed: number[] };
  on(event: 'change', listener: () => void): () => void;
  on(event: 'notice', listener: (notice: Notice) => void): () => void;
  dispose(): MaybePromise<void>;
}

/** The summary shown when this shell has no fleet. */
export const NO_FLEET: FleetSummary = fleetDown('is not available in this shell');
