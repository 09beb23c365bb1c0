// @vitest-environment node
import { platform } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { python3 } from '../electron/tracer/testing';
import { EngineUnderTest } from './engine-under-test';
import { LockstepClients } from './lockstep-clients';
import { runScenario, type Entry } from './run-scenario';
import { SCENARIOS, type Scenario } from './scenarios';
import { SeedUnderTest } from './seed-under-test';

/**
 * The engine against the real seed: the same lockstep scripts, run by the code
 * panel's own text under python3 (with the lab's tracer) and by the engine in
 * Tutorial mode. Every pass must match: the lists passed to select(), what it
 * returned, by descriptor, and every socket call, to the crash that ends it.
 * Linux only: the scripts read /proc/net/tcp, and the lab models Linux's select().
 */

const python = python3();
const reason =
  platform() !== 'linux'
    ? 'the differential tests read /proc/net/tcp: Linux only'
    : python === null
      ? 'python3 is not installed (.ci/run installs it)'
      : null;
if (reason) console.log(`Differential tests against the real seed skipped: ${reason}.`);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function underSeed(scenario: Scenario): Promise<Entry[]> {
  const clients = new LockstepClients();
  cleanups.push(() => clients.quit());
  const seed = await SeedUnderTest.start(clients);
  cleanups.push(() => seed.stop());
  const waitingPast = async () =>
    (await clients.do({ op: 'listen_queue', port: seed.port })).waiting as number;
  return runScenario(scenario, seed, clients, waitingPast);
}

async function underEngine(scenario: Scenario): Promise<Entry[]> {
  const clients = new LockstepClients();
  cleanups.push(() => clients.quit());
  const engine = await EngineUnderTest.start(clients);
  cleanups.push(() => engine.stop());
  const waitingPast = async () => engine.server.snapshot().listener.waiting;
  return runScenario(scenario, engine, clients, waitingPast);
}

describe.skipIf(reason !== null)(`the engine against the real seed (${python})`, () => {
  for (const scenario of SCENARIOS) {
    it(scenario.name, { timeout: 120_000 }, async () => {
      const seed = await underSeed(scenario);
      const engine = await underEngine(scenario);
      expect(seed.length).toBeGreaterThan(0);
      expect(engine).toEqual(seed);
    });
  }
});
