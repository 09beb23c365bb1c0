import type { EngineUnderTest } from './engine-under-test';
import type { LockstepClients } from './lockstep-clients';
import type { Pass } from './pass';
import type { Scenario } from './scenarios';
import type { SeedUnderTest } from './seed-under-test';

/** What a script saw: each pass of the loop, and each look at the accept queue. */
export type Entry = Pass | { acceptQueue: number; waitingPast: number };

/** No script needs more: a loop that keeps going is a failure, not a hang. */
const MAX_PASSES_PER_DRAIN = 5_000;

/**
 * Runs a scenario's steps against one server with its own lockstep clients. Stops
 * after a pass in which the server died (the rest of the script would talk to nobody).
 */
export async function runScenario(
  scenario: Scenario,
  server: SeedUnderTest | EngineUnderTest,
  clients: LockstepClients,
  waitingPast: () => Promise<number>,
): Promise<Entry[]> {
  const seen: Entry[] = [];
  for (const step of scenario.steps) {
    switch (step.op) {
      case 'drain': {
        for (let n = 0; ; n++) {
          if (n === MAX_PASSES_PER_DRAIN) throw new Error(`${scenario.name}: the loop never blocked`);
          const pass = await server.step();
          if (pass === 'blocks') break;
          if (scenario.anonymous)
            pass.calls = pass.calls.map((call) => call.replace(/^(accept \d+) .*/, '$1 a client'));
          seen.push(pass);
          if (pass.calls.some((call) => call.startsWith('crash'))) return seen;
        }
        break;
      }
      case 'accept-queue':
        seen.push({ acceptQueue: await server.acceptQueue(), waitingPast: await waitingPast() });
        break;
      case 'wait-accept-queue':
        await server.waitForAcceptQueue(step.atLeast);
        break;
      case 'connect':
        await clients.do({ ...step, port: server.port });
        break;
      default:
        await clients.do(step);
    }
  }
  return seen;
}
