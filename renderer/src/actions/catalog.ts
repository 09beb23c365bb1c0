/**
 * Every user operation of the window, by id: its label and its key. The toolbar's buttons,
 * the keyboard and lesson files all name an operation by this id (registry.ts says what each
 * does and when it can run), so a lesson naming an id not listed here fails validation.
 */
export interface Shortcut {
  /** KeyboardEvent.key, lower case for letters; ' ' for Space. */
  key: string;
  shift?: boolean;
  /** As aria-keyshortcuts and the tooltips write it. */
  label: string;
}

export interface ActionInfo {
  label: string;
  /** What it does, in a line (tooltips, docs/lessons.md). */
  hint: string;
  shortcut?: Shortcut;
}

export const CATALOG = {
  'start-stop': {
    label: 'Start/Stop Server',
    hint: 'Start the echo server, or stop it.',
    shortcut: { key: 's', label: 'S' },
  },
  run: {
    label: 'Run',
    hint: 'Run mode: iterate whenever something is ready.',
    shortcut: { key: 'r', label: 'R' },
  },
  slow: { label: 'Slow', hint: 'Slow mode: pause between iterations.' },
  'step-mode': { label: 'Step mode', hint: 'Step mode: halt before each select().' },
  step: { label: 'Step', hint: 'Run one iteration of the loop.', shortcut: { key: ' ', label: 'Space' } },
  'step-action': {
    label: 'Step action',
    hint: 'Run one action: the code panel moves line by line.',
    shortcut: { key: ' ', shift: true, label: 'Shift+Space' },
  },
  'tutorial-on': { label: 'Tutorial mode on', hint: 'Run the seed as written, bugs and all.' },
  'tutorial-off': { label: 'Tutorial mode off', hint: 'Run the fixed server: no byte lost.' },
  'nodelay-on': { label: 'TCP_NODELAY on', hint: 'Send small writes at once (no Nagle).' },
  'nodelay-off': { label: 'TCP_NODELAY off', hint: 'As in the seed: Nagle’s algorithm holds small writes.' },
  predict: {
    label: 'Predict',
    hint: 'Halted before select(): mark what it will return, then Reveal.',
    shortcut: { key: 'p', label: 'P' },
  },
  reveal: {
    label: 'Reveal',
    hint: 'Run the select() and judge each mark: right, wrong or missed.',
    shortcut: { key: 'v', label: 'V' },
  },
  presenter: {
    label: 'Presenter',
    hint: 'The lists, the code and the notes only, zoomed for a projector.',
    shortcut: { key: 'f', label: 'F' },
  },
  'export-image': { label: 'Export image', hint: 'Save the window as it is now as a PNG, for slides.' },
  'show-log': { label: 'Log', hint: 'Show every action with its time.', shortcut: { key: 'l', label: 'L' } },
  'show-timeline': { label: 'Timeline', hint: 'Show the iterations.', shortcut: { key: 't', label: 'T' } },
  live: { label: 'Live', hint: 'Back to the live lists from a past iteration.' },
  'stop-clients': { label: 'Stop clients', hint: 'Close every test client.' },
  'stop-run-until': { label: 'Stop running', hint: 'Stop a Run until before it halts: Step mode.' },
  tutorial: {
    label: 'The tutorial',
    hint: 'Read the server the lab runs, explained.',
    shortcut: { key: 'F1', label: 'F1' },
  },
} as const satisfies Record<string, ActionInfo>;

export type ActionId = keyof typeof CATALOG;
export const ACTION_IDS = Object.keys(CATALOG) as [ActionId, ...ActionId[]];
