import type { CommandArgs } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/result';
import { scenarioInfo, type Measurement, type ScenarioId, type ScenarioReport } from '../../shared/scenarios';
import type { TeachingEngine } from '../host/engine-port';
import type { FleetPort } from '../host/fleet-port';
import { oneClient, recvChunks, threeClients } from './scenarios/basics';
import { halfClose, partialSend, reset } from './scenarios/bugs';
import { fdWall, listenQueue } from './scenarios/limits';
import { nagle } from './scenarios/nagle';
import { ScenarioError, Stage } from './stage';

type Setup = (stage: Stage) => Promise<Measurement[] | void>;

/** Each scenario's setup, by id (shared/scenarios.ts has their titles and what to watch). */
const SETUPS: Record<ScenarioId, Setup> = {
  'one-client': oneClient,
  'three-clients': threeClients,
  'recv-chunks': recvChunks,
  'partial-send': partialSend,
  'half-close': halfClose,
  reset,
  'fd-wall': fdWall,
  'listen-queue': listenQueue,
  nagle,
};

/**
 * Sets scenarios up, one at a time: a second one asked for while the first is still setting
 * up is refused (BUSY), so two setups never race over the same server and fleet.
 */
export class ScenarioRunner {
  private busy: ScenarioId | null = null;

  constructor(
    private readonly engine: TeachingEngine | null,
    private readonly fleet: FleetPort | undefined,
  ) {}

  async run({ scenario, host, port }: CommandArgs<'runScenario'>): Promise<Result<ScenarioReport>> {
    const title = scenarioInfo(scenario).title;
    if (!this.fleet) return fail('FLEET_DOWN', `“${title}” needs the test clients, and this shell has none.`);
    if (!this.engine || this.engine.snapshot().program)
      return fail(
        'NOT_SUPPORTED',
        `Scenarios run on the lab's own engine: go back to it, then pick “${title}” again.`,
      );
    if (this.busy) {
      const message = `“${scenarioInfo(this.busy).title}” is still being set up: wait for it, then try again.`;
      return fail('BUSY', message);
    }
    this.busy = scenario;
    try {
      const stage = new Stage(this.engine, this.fleet, { host, port });
      const measurements = await SETUPS[scenario](stage);
      return ok({ id: scenario, measurements: measurements ?? [] });
    } catch (error) {
      const why = error instanceof ScenarioError || error instanceof Error ? error.message : String(error);
      return fail('SCENARIO_FAILED', `Could not set up “${title}”: ${why}`);
    } finally {
      this.busy = null;
    }
  }
}
