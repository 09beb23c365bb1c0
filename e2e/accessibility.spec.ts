import { expect, test } from '@playwright/test';
import { expectAccessible } from './pages/accessibility';
import { ClientsPanelPage } from './pages/ClientsPanelPage';
import { LabPage } from './pages/LabPage';
import { OptionsPanelPage } from './pages/OptionsPanelPage';
import { TeachingPage } from './pages/TeachingPage';
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

test("the desktop app's Programs panel open", async ({ page }) => {
  // The desktop app's toolbar (labDesktop set by its preload), on this browser shell.
  await page.addInitScript('window.labDesktop = {}');
  await lab.open();
  await page.getByRole('button', { name: 'Programs' }).click();
  await expect(page.getByRole('region', { name: 'Programs' })).toBeVisible();
  await expectAccessible(page, 'programs panel open');
  await page.keyboard.press('Escape');
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

test.describe('teaching (issue 11)', () => {
  test('the Scenarios list open, then a scenario set up with its notes', async ({ page }) => {
    const teach = new TeachingPage(page);
    await lab.start(await freePort());
    await teach.scenariosButton.click();
    await expect(page.getByRole('region', { name: 'Scenarios' })).toBeVisible();
    await expectAccessible(page, 'scenarios list open');
    await page.keyboard.press('Escape');
    await teach.scenario('KeyError on a half-close');
    await expectAccessible(page, 'scenario notes beside the lists');
  });

  test('Predict: marks set, then revealed with verdicts and a score', async ({ page }) => {
    const teach = new TeachingPage(page);
    await lab.start(await freePort());
    await teach.scenario('One client');
    await teach.predict.click();
    await lab.list('inputs').getByRole('listitem').first().getByRole('button', { name: 'readable' }).click();
    await expectAccessible(page, 'predicting, a mark set');
    await teach.reveal.click();
    await expect(teach.score).toContainText('1 right');
    await expectAccessible(page, 'prediction revealed');
    await teach.predict.click();
  });

  test('a lesson with its question, then Presenter', async ({ page }) => {
    const teach = new TeachingPage(page);
    await lab.start(await freePort());
    await teach.lessonsButton.click();
    await page
      .getByRole('region', { name: 'Lessons' })
      .getByRole('button', { name: '3. TCP is a stream: recv(1024)' })
      .click();
    await expect(teach.lesson.getByRole('group')).toBeVisible();
    await expectAccessible(page, 'lesson player with a question');
    await teach.presenter.click();
    await expectAccessible(page, 'presenter');
    await teach.presenter.click();
    await teach.lesson.getByRole('button', { name: 'End lesson' }).click();
  });

  test('the Log open, and the tutorial dialog', async ({ page }) => {
    const teach = new TeachingPage(page);
    const port = await freePort();
    await lab.start(port);
    client = await openClient(port);
    client.socket.write('hello');
    await client.waitForEcho('hello');
    await teach.logTab.click();
    await expect(teach.log.getByRole('button').first()).toBeVisible();
    await expectAccessible(page, 'log open');
    await teach.timelineTab.click();
    await page.getByRole('button', { name: 'The tutorial' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectAccessible(page, 'tutorial dialog');
    await page.keyboard.press('Escape');
  });
});
