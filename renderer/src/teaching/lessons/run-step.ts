import type { LabApi } from '../../../../shared/contract';
import { ok, type Result } from '../../../../shared/result';
import { SCENARIOS } from '../../../../shared/scenarios';
import { runAction } from '../../actions/registry';
import { sendCommand } from '../../store/commands';
import { useLabStore } from '../../store/lab-store';
import { startScenario } from '../scenario-run';
import type { LessonStep } from './schema';

/**
 * Does what a lesson step says, through the same doors as the window's own controls: the
 * scenario's setup, a registered action (`times` over), or Run until. Then, if asked, Predict.
 */
export async function runStep(step: LessonStep, api: LabApi): Promise<Result<unknown>> {
  let result: Result<unknown> = ok(null);
  if (step.scenario !== undefined) {
    const scenario = SCENARIOS.find((s) => s.title === step.scenario);
    if (scenario) result = await startScenario(api, scenario.id);
  } else if (step.action !== undefined) {
    for (let i = 0; i < (step.times ?? 1) && result.ok; i++) result = await runAction(step.action, api);
  } else if (step.runUntil !== undefined) {
    result = await sendCommand(api, 'runUntil', step.runUntil);
  }
  const store = useLabStore.getState();
  if (step.predict) store.setPredicting(true);
  store.setActionError(result.ok ? null : result.error);
  return result;
}
