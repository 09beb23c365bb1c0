import type { LabApi } from '../../../shared/contract';
import { fail, type Result } from '../../../shared/result';
import type { ScenarioId } from '../../../shared/scenarios';
import { sendCommand } from '../store/commands';
import { useLabStore } from '../store/lab-store';

/**
 * Sets a scenario up (the host restarts the server, applies its options and clients, and
 * waits until the moment worth watching), then shows its paragraph and measurements beside
 * the lists. The server starts where Host and Port say when it is stopped.
 */
export async function startScenario(api: LabApi, id: ScenarioId): Promise<Result<unknown>> {
  const store = useLabStore.getState();
  if (store.scenarioBusy) return fail('BUSY', 'A scenario is being set up: wait for it.');
  const { host, port } = store.serverDraft;
  const portNumber = Number(port);
  store.setScenarioBusy(id);
  store.setScenario({ id, report: null });
  store.select(null);
  store.view(null);
  if (store.predicting) store.setPredicting(true); // fresh marks for the new situation
  const result = await sendCommand(api, 'runScenario', {
    scenario: id,
    host: host.trim() || '127.0.0.1',
    port: Number.isInteger(portNumber) ? portNumber : 50000,
  });
  const after = useLabStore.getState();
  after.setScenarioBusy(null);
  if (result.ok) after.setScenario({ id, report: result.value });
  return result;
}
