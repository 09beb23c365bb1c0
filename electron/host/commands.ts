import type { CommandArgs, CommandName, CommandResults, LabSnapshot } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/result';
import type { EnginePort } from './engine-port';
import type { FleetPort } from './fleet-port';
import { ScenarioRunner } from '../teaching/run-scenario';

type MaybePromise<T> = T | Promise<T>;

/** One handler per command, typed by the contract; arguments arrive already validated. */
export type Handlers = {
  [K in CommandName]: (args: CommandArgs<K>) => MaybePromise<Result<CommandResults[K]>>;
};

const FLEET_DOWN = 'No client fleet is running in this shell, so test clients are unavailable.';

/** Hex text (spaces allowed) to bytes, or null when it is not whole bytes of hex. */
function hexToBytes(text: string): Buffer | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(compact)) return null;
  return Buffer.from(compact, 'hex');
}

/** Void-or-Result from the fleet, as a Result. */
async function settle(outcome: MaybePromise<Result<null> | void>): Promise<Result<null>> {
  return (await outcome) ?? ok(null);
}

/** The dispatch table: each command to the engine or the fleet. */
export function createHandlers(
  engine: EnginePort,
  fleet: FleetPort | undefined,
  snapshot: () => LabSnapshot,
): Handlers {
  const scenarios = new ScenarioRunner(engine, fleet);
  return {
    startServer: ({ host, port }) => engine.start(host, port),
    stopServer: () => engine.stop(),
    setMode: ({ mode }) => engine.setMode(mode),
    step: () => engine.step(),
    stepAction: () => engine.stepAction(),
    setFidelity: ({ fidelity }) => engine.setFidelity(fidelity),
    setOptions: (patch) => engine.setOptions(patch),
    snapshot: () => ok(snapshot()),
    inspect: ({ id }) => engine.inspect(id),
    spawnClients: (spec) => {
      if (!fleet) return fail('FLEET_DOWN', FLEET_DOWN);
      const { server } = engine.snapshot();
      if (server.state !== 'listening') {
        return fail('NOT_RUNNING', 'Start the server first: test clients connect to it.');
      }
      return fleet.spawn(spec, { host: server.host, port: server.port });
    },
    stopClients: () => (fleet ? settle(fleet.stopAll()) : fail('FLEET_DOWN', FLEET_DOWN)),
    sendFromClient: ({ clientId, data, encoding }) => {
      if (!fleet) return fail('FLEET_DOWN', FLEET_DOWN);
      const bytes = encoding === 'hex' ? hexToBytes(data) : Buffer.from(data, 'utf8');
      if (!bytes)
        return fail('BAD_ARGUMENT', 'Hex data must be pairs of hex digits, such as "68 65 6c 6c 6f".');
      return settle(fleet.send(clientId, bytes));
    },
    runUntil: (breakpoint) => engine.runUntil(breakpoint),
    closeConnection: ({ id, how }) => engine.closeConnection(id, how),
    runScenario: (args) => scenarios.run(args),
  };
}
