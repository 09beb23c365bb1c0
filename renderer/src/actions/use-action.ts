import { useCallback } from 'react';
import type { Result } from '../../../shared/result';
import { useLabApi } from '../store/api-context';
import { useLabStore } from '../store/lab-store';
import type { ActionId } from './catalog';
import { ACTIONS, runAction } from './registry';

/** One registered operation for a control: its label and key, whether it can run, and a runner. */
export function useAction(id: ActionId) {
  const api = useLabApi();
  const action = ACTIONS[id];
  const unavailable = useLabStore((s) => action.unavailable(s));
  const run = useCallback((): Promise<Result<unknown>> => runAction(id, api), [api, id]);
  return { action, unavailable, run };
}
