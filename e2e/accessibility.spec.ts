import { expect, test } from '@playwright/test';
import { expectAccessible } from './pages/accessibility';
import { ClientsPanelPage } from './pages/ClientsPanelPage';
import { LabPage } from './pages/LabPage';
import { OptionsPanelPage } from './pages/OptionsPanelPage';
import { freePort, occupyPort, openClient, type TestClient } from './pages/tcp';

/**
 * Issue 15: axe-core finds nothing, in both themes, in each state a user meets. A new panel
 * adds its states here, each one line: `await expectAccessible(page, 'what the user sees')`.
 */
let lab: LabPage;
let fleet: ClientsPanelPage;
let client: TestClient | null = null;

test.use({ viewport: { width: 1280, height: 800 } });

test.beforeEach(async ({ page }, testInfo) => {
  lab = new LabPage(page, testInfo);
  fleet = new ClientsPanelPage(page);
  await lab.open();
  await fleet.stopAll();
  await lab.reset();
});

test.afterEach(async () => {
  client?.close();
  client = null;
  await fleet.stopAll();
  await new OptionsPanelPage(lab.page).restore();
  await lab.reset();
});

test('first run: stopped, nothing connected', async ({ page }) => {
  await expect(page.getByRole('note', { name: 'Getting started' })).toBeVisible();
  await expectAccessible(page, 'first run');
});

test('running with 10 echo clients', async ({ page }) => {
  await lab.start(await freePort());
  await fleet.spawn(10, 'echo', { size: 64, intervalMs: 100 });
  await expect(fleet.verified).not.toHaveText('0 verified');
  await expectAccessible(page, 'running with clients');
});

test('halted in Step with a connection open', async ({ page }) => {
  const port = await freePort();
  await lab.start(port);
  client = await openClient(port);
  await lab.mode('Step');
  client.socket.write('hello');
  const chip = lab.chipOf('inputs', client.localPort);
  await expect(lab.marks(chip)).toHaveAttribute('data-marks', /readable/);
  await lab.step.click();
  await lab.chipOf('outputs', client.localPort).getByRole('button').click();
  await expect(lab.detail.getByRole('list', { name: 'Queue' })).toContainText('hello');
  await expectAccessible(page, 'halted in Step, connection open');
});

test('Tutorial mode: the original would crash here', async ({ page }) => {
  const port = await freePort();
  await lab.start(port);
  await lab.tutorialMode.click();
  client = await openClient(port);
  await expect(lab.chipOf('inputs', client.localPort)).toBeVisible();
  await lab.mode('Step');
  client.socket.end('bye');
  await expect(lab.chipOf('inputs', client.localPort)).toContainText('EOF');
  await lab.step.click();
  await expect(lab.chipOf('outputs', client.localPort)).toBeVisible();
  await lab.step.click();
  await expect(lab.crashBanner).toBeVisible();
  await expectAccessible(page, 'tutorial crash shown');
});

test('the options panel open', async ({ page }) => {
  const options = new OptionsPanelPage(page);
  await options.open();
  await expectAccessible(page, 'options panel open');
});

test('Step action halfway through an iteration, then a past iteration picked', async ({ page }) => {
  const port = await freePort();
  await lab.start(port);
  client = await openClient(port);
  await lab.mode('Step');
  client.socket.write('abc');
  await expect(lab.marks(lab.chipOf('inputs', client.localPort))).toHaveAttribute('data-marks', /readable/);
  await lab.stepAction.click();
  await lab.stepAction.click();
  await expect(lab.currentLine.first()).toBeVisible();
  await expectAccessible(page, 'step action, the line being run');

  await page.getByRole('list', { name: 'Iterations' }).getByRole('button').first().click();
  await expect(page.getByRole('list', { name: /^Actions of iteration/ })).toBeVisible();
  await expectAccessible(page, 'a past iteration picked');
});

test('a refused start: the port is busy', async ({ page }) => {
  const busy = await occupyPort();
  try {
    await lab.port.fill(String((busy.address() as { port: number }).port));
    await lab.startServer.click();
    await expect(page.getByRole('alert').filter({ hasText: 'EADDRINUSE' })).toBeVisible();
    await expectAccessible(page, 'busy port');
  } finally {
    await new Promise<void>((resolve) => busy.close(() => resolve()));
  }
});
