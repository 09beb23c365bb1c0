import type { LabApi } from '../../../shared/contract';
import type { Action } from '../../../shared/engine';
import { fail, ok, type Result } from '../../../shared/result';
import { sendCommand } from '../store/commands';
import { useLabStore, type LabState } from '../store/lab-store';
import { exportImage } from '../teaching/export-image';
import { judge } from '../teaching/predict';
import { CATALOG, type ActionId, type ActionInfo } from './catalog';

/** What an operation does, and when it can: "enabled when" is `unavailable(state) === null`. */
export interface LabAction extends ActionInfo {
  id: ActionId;
  /** Why it cannot run now, in a sentence; null when it can. */
  unavailable(state: LabState): string | null;
  run(api: LabApi): Promise<Result<unknown>>;
}

type Behaviour = Pick<LabAction, 'unavailable' | 'run'>;

const store = () => useLabStore.getState();
const done = (): Promise<Result<null>> => Promise.resolve(ok(null));

const notRunning = (s: LabState): string | null =>
  s.engine?.server.state === 'listening' ? null : 'Start the server first.';
const notStepping = (s: LabState): string | null =>
  notRunning(s) ?? (s.engine?.mode === 'step' ? null : 'Switch Mode to Step first.');
const always = (): null => null;

/** Halted before select() with Predict on: what Reveal needs. */
function cannotReveal(s: LabState): string | null {
  if (!s.predicting) return 'Turn Predict on first.';
  const stepping = notStepping(s);
  if (stepping) return stepping;
  if (s.engine?.cursor)
    return 'This iteration’s select() has run: press Step to finish it, then predict the next.';
  return null;
}

/**
 * Runs the next select() and judges the marks against what it returned: one Step action on the
 * lab's engine; a whole pass of a watched program (the lab cannot halt it between its lines).
 */
async function reveal(api: LabApi): Promise<Result<unknown>> {
  const before = store();
  const engine = before.engine;
  if (!engine) return fail('NOT_RUNNING', 'Start the server first.');
  let action: Action | undefined;
  if (engine.program) {
    const pass = await sendCommand(api, 'step', {});
    if (!pass.ok) return pass;
    action = pass.value.actions[0];
  } else {
    const result = await sendCommand(api, 'stepAction', {});
    if (!result.ok) return result;
    action = result.value;
  }
  // Not a select(): the original died before it (fd past 1023), or the program raised in it.
  if (action?.kind !== 'select') return ok(null);
  const lists = { inputs: engine.inputs, outputs: engine.outputs };
  store().recordReveal(judge(engine.iteration + 1, lists, before.marks, action));
  return ok(null);
}

const setMode = (mode: 'run' | 'slow' | 'step'): Behaviour => ({
  unavailable: always,
  run: (api) => sendCommand(api, 'setMode', { mode }),
});

const BEHAVIOURS: Record<ActionId, Behaviour> = {
  'start-stop': {
    unavailable: always,
    // The form knows the Host and Port typed: its button does the rest.
    run: async () => {
      document.querySelector<HTMLButtonElement>('[data-shortcut="start-stop"]')?.click();
      return ok(null);
    },
  },
  run: setMode('run'),
  slow: setMode('slow'),
  'step-mode': setMode('step'),
  step: { unavailable: notStepping, run: (api) => sendCommand(api, 'step', {}) },
  'step-action': {
    // A real program steps one pass of its loop at a time: the lab cannot halt it between its lines.
    unavailable: (s) =>
      s.engine?.program
        ? 'Step action runs the lab’s own engine one action at a time; a real program steps a whole pass.'
        : notStepping(s),
    run: (api) => sendCommand(api, 'stepAction', {}),
  },
  'tutorial-on': {
    unavailable: always,
    run: (api) => sendCommand(api, 'setFidelity', { fidelity: 'tutorial' }),
  },
  'tutorial-off': {
    unavailable: always,
    run: (api) => sendCommand(api, 'setFidelity', { fidelity: 'safe' }),
  },
  'nodelay-on': { unavailable: always, run: (api) => sendCommand(api, 'setOptions', { noDelay: true }) },
  'nodelay-off': { unavailable: always, run: (api) => sendCommand(api, 'setOptions', { noDelay: false }) },
  predict: {
    unavailable: always,
    run: () => {
      store().setPredicting(!store().predicting);
      return done();
    },
  },
  reveal: { unavailable: cannotReveal, run: reveal },
  presenter: {
    unavailable: always,
    run: () => {
      store().setPresenter(!store().presenter);
      return done();
    },
  },
  'export-image': { unavailable: always, run: () => exportImage() },
  'show-log': {
    unavailable: always,
    run: () => {
      store().setLowerTab('log');
      return done();
    },
  },
  'show-timeline': {
    unavailable: always,
    run: () => {
      store().setLowerTab('timeline');
      return done();
    },
  },
  live: {
    unavailable: (s) => (s.viewing === null ? 'The lists are live already.' : null),
    run: () => {
      store().view(null);
      return done();
    },
  },
  'stop-clients': {
    unavailable: (s) => (s.clients.size === 0 ? 'No clients are running.' : null),
    run: (api) => sendCommand(api, 'stopClients', {}),
  },
  'stop-run-until': {
    unavailable: (s) => (s.engine?.breakpoint ? null : 'Nothing is running until a breakpoint.'),
    run: (api) => sendCommand(api, 'setMode', { mode: 'step' }),
  },
  tutorial: {
    unavailable: always,
    run: () => {
      store().setTutorialOpen(true);
      return done();
    },
  },
};

/** Every operation, declared once: toolbar, keys and lessons all go through here. */
export const ACTIONS: Record<ActionId, LabAction> = Object.fromEntries(
  (Object.keys(CATALOG) as ActionId[]).map((id) => [id, { id, ...CATALOG[id], ...BEHAVIOURS[id] }]),
) as Record<ActionId, LabAction>;

/** Runs an operation if it can run now; otherwise says why, as an error value. */
export async function runAction(id: ActionId, api: LabApi): Promise<Result<unknown>> {
  const action = ACTIONS[id];
  const why = action.unavailable(store());
  if (why !== null) return fail('BAD_ARGUMENT', `${action.label}: ${why}`);
  return action.run(api);
}
