import net from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import type { LabApi } from '../../shared/contract';
import { appliedPreferences, launchApp, runtime, type LaunchedApp } from './launch';

test.skip(!runtime.installed, runtime.reason);

let launched: LaunchedApp;
let page: Page;

test.beforeEach(async () => {
  launched = await launchApp();
  page = await launched.app.firstWindow();
  await expect(page.locator('[data-state]').first()).toHaveAttribute('data-state', 'ready');
});

test.afterEach(() => launched.close());

/** The engine's view, read through the page's own window.lab (the preload's LabApi). */
const snapshot = () =>
  page.evaluate(async () => {
    const result = await (globalThis as unknown as { lab: LabApi }).lab.snapshot({});
    return result.ok ? result.value.engine : null;
  });

test('the app starts, Start Server works and an external client appears in inputs', async () => {
  await page.getByRole('textbox', { name: 'Port' }).fill('0');
  await page.getByRole('button', { name: 'Start Server' }).click();
  await expect(page.getByRole('button', { name: 'Stop Server' })).toBeVisible();
  const engine = await snapshot();
  expect(engine?.server.state).toBe('listening');

  const client = net.connect({ host: '127.0.0.1', port: engine?.server.port ?? 0 });
  try {
    await expect.poll(async () => (await snapshot())?.inputs.length ?? 0).toBe(2);
    await expect(page.getByRole('list', { name: 'inputs', exact: true }).getByRole('listitem')).toHaveCount(
      2,
    );
  } finally {
    client.destroy();
  }
});

test('the window is hardened: web preferences, no Node in the page, no new windows', async () => {
  const [main] = await appliedPreferences(launched.app, [
    'contextIsolation',
    'sandbox',
    'nodeIntegration',
    'webSecurity',
    'webviewTag',
  ]);
  expect(main?.prefs).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
  });
  expect(main?.url).toMatch(/^app:\/\/socket-lab\//);
  const page_ = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    labKeys: Object.keys((globalThis as unknown as { lab: object }).lab).sort(),
    opened: (globalThis as unknown as { open(url: string): unknown }).open('https://example.com') === null,
  }));
  expect(page_).toMatchObject({ require: 'undefined', process: 'undefined', opened: true });
  expect(page_.labKeys).toContain('onDelta');
  expect(await launched.app.windows()).toHaveLength(1);
});
