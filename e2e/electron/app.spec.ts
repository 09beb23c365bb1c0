import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { LabApi } from '../../shared/contract';
import { electronRuntime } from './runtime';

const root = join(import.meta.dirname, '../..');
const runtime = electronRuntime(root);
test.skip(!runtime.installed, runtime.reason);

let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeEach(async () => {
  userData = mkdtempSync(join(tmpdir(), 'socket-lab-e2e-'));
  app = await electron.launch({
    executablePath: runtime.executablePath ?? undefined,
    args: [join(root, 'out/main/main.js'), `--user-data-dir=${userData}`],
  });
  page = await app.firstWindow();
  await expect(page.locator('[data-state]').first()).toHaveAttribute('data-state', 'ready');
});

test.afterEach(async () => {
  await app.close();
  rmSync(userData, { recursive: true, force: true });
});

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
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const window = BrowserWindow.getAllWindows()[0];
    // Electron's own tests read the applied preferences this way; it is not in the typings.
    const contents = window?.webContents as unknown as {
      getLastWebPreferences?: () => Record<string, unknown>;
    };
    const p = contents?.getLastWebPreferences?.();
    return (
      p && {
        contextIsolation: p.contextIsolation,
        sandbox: p.sandbox,
        nodeIntegration: p.nodeIntegration,
        webSecurity: p.webSecurity,
        webviewTag: p.webviewTag,
        url: window?.webContents.getURL(),
      }
    );
  });
  expect(prefs).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
  });
  expect(prefs?.url).toMatch(/^app:\/\/socket-lab\//);
  const page_ = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    labKeys: Object.keys((globalThis as unknown as { lab: object }).lab).sort(),
    opened: (globalThis as unknown as { open(url: string): unknown }).open('https://example.com') === null,
  }));
  expect(page_).toMatchObject({ require: 'undefined', process: 'undefined', opened: true });
  expect(page_.labKeys).toContain('onDelta');
  expect(await app.windows()).toHaveLength(1);
});
