import { useCallback } from 'react';
import type { CommandArgs, CommandName, CommandResults, LabApi } from '../../../shared/contract';
import { fail, type Result } from '../../../shared/result';
import { useLabApi } from './api-context';
import { useLabStore } from './lab-store';

const STEPPING: CommandName[] = ['step', 'stepAction', 'setMode'];

type Send = <K extends CommandName>(name: K, args: CommandArgs<K>) => Promise<Result<CommandResults[K]>>;

/**
 * Sends one command and records its error (or clears the previous one) under the
 * command's name, so the control that sent it can show what went wrong.
 */
export async function sendCommand<K extends CommandName>(
  api: LabApi,
  name: K,
  args: CommandArgs<K>,
): Promise<Result<CommandResults[K]>> {
  const method = api[name] as (a: CommandArgs<K>) => Promise<Result<CommandResults[K]>>;
  let result: Result<CommandResults[K]>;
  try {
    result = await method(args);
  } catch (error) {
    // A transport that throws instead of returning a value still gets shown.
    result = fail('TRANSPORT', error instanceof Error ? error.message : String(error));
  }
  const { setError, traceAction, clearTrail } = useLabStore.getState();
  setError(name, result.ok ? null : result.error);
  // A step that worked, or a new mode, makes an old stepping error moot.
  if (result.ok && STEPPING.includes(name)) for (const other of STEPPING) setError(other, null);
  if (result.ok && name === 'stepAction') traceAction(result.value as CommandResults['stepAction']);
  if (result.ok && (name === 'step' || name === 'setMode' || name === 'startServer')) clearTrail();
  return result;
}

/** `send(name, args)` bound to the provider's api. */
export function useSend(): Send {
  const api = useLabApi();
  return useCallback<Send>((name, args) => sendCommand(api, name, args), [api]);
}
