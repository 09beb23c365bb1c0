// @vitest-environment node
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { HELP_LABELS, menuTemplate, type HelpActions } from './menu-template';

function recordingActions(): HelpActions & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    showTutorial: () => calls.push('tutorial'),
    reportProblem: () => calls.push('report'),
    showAbout: () => calls.push('about'),
  };
}

const helpItems = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => {
  const submenu = template.find((item) => item.role === 'help')?.submenu;
  return Array.isArray(submenu) ? submenu : [];
};

describe('menuTemplate', () => {
  it('uses the standard role menus, with the app menu first on macOS only', () => {
    const roles = (platform: NodeJS.Platform): unknown[] =>
      menuTemplate(platform, recordingActions()).map((item) => item.role);
    expect(roles('darwin')).toEqual(['appMenu', 'fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'help']);
    expect(roles('linux')).toEqual(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'help']);
    expect(roles('win32')).toEqual(roles('linux'));
  });

  it('has File → Open Recording… (Ctrl/Cmd+O), then Close (macOS) or Quit', () => {
    for (const [platform, last] of [
      ['darwin', 'close'],
      ['linux', 'quit'],
    ] as const) {
      const actions = { ...recordingActions(), openRecording: () => actions.calls.push('open') };
      const submenu = menuTemplate(platform, actions).find((item) => item.role === 'fileMenu')?.submenu;
      const items = Array.isArray(submenu) ? submenu : [];
      expect(items.map((item) => item.label ?? item.role ?? item.type)).toEqual([
        'Open Recording…',
        'separator',
        last,
      ]);
      expect(items[0]?.accelerator).toBe('CmdOrCtrl+O');
      (items[0]?.click as (() => void) | undefined)?.();
      expect(actions.calls).toEqual(['open']);
    }
  });

  it('has Help → The tutorial, Report a problem and About', () => {
    const labels = helpItems(menuTemplate('linux', recordingActions())).map((item) => item.label);
    expect(labels).toEqual(['The tutorial', 'Report a problem', undefined, 'About Socket Lab']);
    expect(Object.values(HELP_LABELS)).toEqual(['The tutorial', 'Report a problem', 'About Socket Lab']);
  });

  it('wires each Help item to its action', () => {
    const actions = recordingActions();
    for (const item of helpItems(menuTemplate('darwin', actions))) {
      // Electron passes (menuItem, window, event); the actions ignore them.
      (item.click as (() => void) | undefined)?.();
    }
    expect(actions.calls).toEqual(['tutorial', 'report', 'about']);
  });
});
