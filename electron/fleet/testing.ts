/**
 * Test support for the fleet: a real fleet process (forked, TypeScript via
 * tsx), disposed after each test, and waits re-checked on fleet events.
 */
import { spawn } from 'node:child_process';
import { afterEach } from 'vitest';
import type { SpawnSpec } from '../../shared/contract';
import type { Action } from '../../shared/engine';
import type { ClientView } from '../../shared/fleet';
import { FleetController } from './controller';
import type { FleetLauncher } from './launcher';
import { waitUntil } from '../host/test-support';
import { childFleetProcess, defaultWorkerPath, loaderArgs, nodeLauncher } from './node-launcher';

const fleets: FleetController[] = [];

afterEach(async () => {
  await Promise.all(fleets.splice(0).map((fleet) => fleet.dispose()));
});

/** A fleet controller with a forked worker, disposed after the test. */
export const startFleet = (): FleetController => startFleetWith(nodeLauncher());

/** A spawn spec with test-friendly defaults. */
export const spec = (patch: Partial<SpawnSpec>): SpawnSpec => ({
  count: 1,
  behaviour: 'echo',
  messageSize: 1024,
  intervalMs: 0,
  connectRate: 1000,
  lifetimeMs: 0,
  reconnect: false,
  ...patch,
});

/** Resolves once `condition` holds, re-checked on every fleet change; fails after `ms` saying `what`. */
export function waitForFleet(
  fleet: FleetController,
  condition: () => boolean,
  what: string,
  ms = 15_000,
): Promise<void> {
  const clients = (): string =>
    fleet
      .clients()
      .slice(0, 5)
      .map((c) => `#${c.id} ${c.state} ${c.error ?? ''} ${JSON.stringify(c.verification)}`)
      .join('; ');
  return waitUntil(
    condition,
    () => `${what}; clients: ${clients()}`,
    (check) => fleet.on('change', check),
    ms,
  );
}

/** The engine connection ids whose peer is one of `clients` (matched by local port from accept actions). */
export function connectionsOf(actions: Action[], clients: ClientView[]): number[] {
  const ports = new Set(clients.flatMap((c) => (c.localPort === null ? [] : [c.localPort])));
  return actions.flatMap((a) =>
    a.kind === 'accept' && ports.has(Number(a.peer.split(':').at(-1))) ? [a.id] : [],
  );
}

/**
 * A fork whose fd limit is `maxFiles` (through `sh -c ulimit`), to run the
 * fleet out of file descriptors on purpose.
 */
export function limitedLauncher(maxFiles: number): FleetLauncher {
  return () => {
    const worker = defaultWorkerPath();
    const command = [process.execPath, ...loaderArgs(worker), worker];
    return childFleetProcess(
      spawn('/bin/sh', ['-c', `ulimit -n ${maxFiles} && exec "$0" "$@"`, ...command], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
  };
}

/** Starts a controller on a custom launcher, disposed after the test. */
export function startFleetWith(launcher: FleetLauncher): FleetController {
  const fleet = new FleetController(launcher);
  fleets.push(fleet);
  return fleet;
}
