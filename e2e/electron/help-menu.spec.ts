import { expect, test, type ElectronApplication } from '@playwright/test';
import { TUTORIAL_TITLE } from '../../shared/tutorial';
import { appliedPreferences, launchApp, runtime, type LaunchedApp } from './launch';

test.skip(!runtime.installed, runtime.reason);

let launched: LaunchedApp;
let app: ElectronApplication;

test.beforeEach(async () => {
  launched = await launchApp();
  app = launched.app;
  await app.firstWindow(); // the menu is installed before the window is created
});

test.afterEach(() => launched.close());

/** Clicks Help → `label` in the real application menu, from the main process. */
const clickHelp = (label: string): Promise<void> =>
  app.evaluate(({ Menu }, wanted) => {
    const help = Menu.getApplicationMenu()?.items.find((item) => item.role?.toLowerCase() === 'help');
    const item = help?.submenu?.items.find((entry) => entry.label === wanted);
    if (!item) throw new Error(`no Help → ${wanted}`);
    item.click();
  }, label);

test('the application menu has the standard roles and Help → The tutorial, Report a problem, About', async () => {
  const menu = await app.evaluate(({ Menu }) =>
    (Menu.getApplicationMenu()?.items ?? []).map((item) => ({
      role: item.role?.toLowerCase() ?? '',
      labels: item.submenu?.items.map((entry) => entry.label) ?? [],
    })),
  );
  expect(menu.map((item) => item.role)).toEqual(
    expect.arrayContaining(['filemenu', 'editmenu', 'viewmenu', 'windowmenu', 'help']),
  );
  expect(menu.find((item) => item.role === 'help')?.labels).toEqual(
    expect.arrayContaining(['The tutorial', 'Report a problem', 'About Socket Lab']),
  );
});

test('Help → The tutorial opens one hardened reader showing the tutorial and the code', async () => {
  const opened = app.waitForEvent('window');
  await clickHelp('The tutorial');
  const tutorial = await opened;
  await expect(tutorial.getByRole('heading', { level: 1 })).toHaveText(TUTORIAL_TITLE);
  await expect(tutorial.locator('pre')).toContainText('select.select(inputs, outputs, inputs)');

  const windows = await appliedPreferences(app, [
    'sandbox',
    'contextIsolation',
    'nodeIntegration',
    'javascript',
  ]);
  const prefs = windows.find((window) => window.url.startsWith('data:'))?.prefs;
  expect(prefs).toEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false });

  await clickHelp('The tutorial'); // a second click focuses the same reader
  await expect.poll(() => app.windows().length).toBe(2);
});
