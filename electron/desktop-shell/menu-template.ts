/**
 * The application menu as data: the platform's standard role menus plus Help. Kept free of
 * `electron` values so the structure is unit-tested; menu.ts builds the real Menu from it.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** What the File and Help items do; menu.ts supplies the Electron side. */
export interface HelpActions {
  /** File → Open Recording… (the main process's own dialog). */
  openRecording?: () => void;
  showTutorial: () => void;
  reportProblem: () => void;
  showAbout: () => void;
}

/** Help's item labels, exactly as the menu shows them. */
/** File → Open Recording…, as the menu shows it. */
export const OPEN_RECORDING_LABEL = 'Open Recording…';

export const HELP_LABELS = {
  tutorial: 'The tutorial',
  report: 'Report a problem',
  about: 'About Socket Lab',
} as const;

/** The menu template for `platform` (macOS gets the app menu first, as its users expect). */
export function menuTemplate(platform: NodeJS.Platform, actions: HelpActions): MenuItemConstructorOptions[] {
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: HELP_LABELS.tutorial, accelerator: 'F1', click: () => actions.showTutorial() },
      { label: HELP_LABELS.report, click: () => actions.reportProblem() },
      { type: 'separator' },
      { label: HELP_LABELS.about, click: () => actions.showAbout() },
    ],
  };
  // The standard File menu, with Open Recording… first.
  const file: MenuItemConstructorOptions = {
    role: 'fileMenu',
    submenu: [
      { label: OPEN_RECORDING_LABEL, accelerator: 'CmdOrCtrl+O', click: () => actions.openRecording?.() },
      { type: 'separator' },
      platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
    ],
  };
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    file,
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    help,
  ];
}
