import type { CommandArgs, CommandName, CommandResults, LabSnapshot } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/result';
import { teachingOf, type EnginePort } from './engine-port';
import type { FleetPort } from './fleet-port';
import { ScenarioRunner } from '../teaching/run-scenario';
import { NO_PROGRAMS, type ProgramPort } from './program-port';
import type { RecordingsPort } from './recordings-port';

type MaybePromise<T> = T | Promise<T>;

/** One handler per command, typed by the contract; arguments arrive already validated. */
export type Handlers = {
  [K in CommandName]: (args: CommandArgs<K>) => MaybePromise<Result<CommandResults[K]>>;
};

const FLEET_DOWN = 'No client fleet is running in this shell, so test clients are unavailable.';
const NO_RECORDINGS = 'This shell keeps no recordings.';

const OWN_ENGINE = (what: string): Result<never> =>
  fail('NOT_SUPPORTED', `${what} works on the lab's own engine: a real program runs its own code.`);

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
  { programs = NO_PROGRAMS, recordings }: { programs?: ProgramPort; recordings?: RecordingsPort } = {},
): Handlers {
  const teaching = teachingOf(engine);
  const scenarios = new ScenarioRunner(teaching, fleet);
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
    spawnClients: ({ target, ...spec }) => {
      if (!fleet) return fail('FLEET_DOWN', FLEET_DOWN);
      if (target) return fleet.spawn(spec, target);
      const { server } = engine.snapshot();
      if (server.state !== 'listening') {
        return fail(
          'NOT_RUNNING',
          'Start the server first: test clients connect to it (or give them a target: 127.0.0.1:port).',
        );
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
    runUntil: (breakpoint) => (teaching ? teaching.runUntil(breakpoint) : OWN_ENGINE('Run until')),
    closeConnection: ({ id, how }) =>
      teaching ? teaching.closeConnection(id, how) : OWN_ENGINE('Close and Reset'),
    runScenario: (args) => scenarios.run(args),
    watchProgram: ({ program }) => programs.watch(program),
    watchEngine: () => programs.unwatch(),
    startRecording: () => recordings?.start() ?? fail('RECORDING', NO_RECORDINGS),
    stopRecording: () => recordings?.stop() ?? fail('RECORDING', NO_RECORDINGS),
  };
}
