import { expect, test } from '@playwright/test';
import { ClientsPanelPage } from './pages/ClientsPanelPage';
import { LabPage } from './pages/LabPage';
import { OptionsPanelPage } from './pages/OptionsPanelPage';
import { TeachingPage } from './pages/TeachingPage';
import { freePort } from './pages/tcp';

/**
 * Issue 11: one click per scenario, then the effect its paragraph promises, on this window,
 * every time. Setups wait on conditions (the host's, electron/teaching/), never on time.
 */
let lab: LabPage;
let teach: TeachingPage;
let fleet: ClientsPanelPage;

test.use({ viewport: { width: 1440, height: 900 } });

test.beforeEach(async ({ page }, testInfo) => {
  lab = new LabPage(page, testInfo);
  teach = new TeachingPage(page);
  fleet = new ClientsPanelPage(page);
  await lab.open();
  await fleet.stopAll();
  await lab.reset();
  await lab.start(await freePort());
});

test.afterEach(async () => {
  await fleet.stopAll();
  await new OptionsPanelPage(lab.page).restore();
  await lab.reset();
});

const inputs = () => lab.list('inputs');

test('One client: accept, recv, send, and the client verifies its echo', async () => {
  await teach.scenario('One client');
  await expect(lab.marks(inputs().getByRole('listitem').first())).toHaveAttribute('data-marks', 'readable');
  await lab.step.click(); // accept
  await expect(inputs()).toHaveAttribute('data-count', '2');
  await lab.step.click(); // recv, queue, outputs += #1
  await expect(lab.list('outputs')).toHaveAttribute('data-count', '1');
  await lab.step.click(); // send
  await expect(fleet.list.getByRole('button').first()).toContainText('verified');
  await lab.shot('scenario-one-client');
});

test('Three clients take turns: one select() returns all three, served in turn', async () => {
  await teach.scenario('Three clients take turns');
  await expect(inputs().locator('[data-marks~="readable"]')).toHaveCount(3);
  await lab.step.click();
  await expect(lab.list('outputs')).toHaveAttribute('data-count', '3');
  const recvs = await teach.logOf('recv');
  await expect(recvs.getByRole('button')).toHaveText([/recv #3 /, /recv #2 /, /recv #1 /]);
});

test('recv(1024) chunks a message: 1,024, 1,024 and 952 bytes', async () => {
  await teach.scenario('recv(1024) chunks a message');
  for (let i = 0; i < 3; i++) await lab.step.click();
  const recvs = await teach.logOf('recv');
  await expect(recvs.getByRole('button')).toHaveText([/recv #1 952 B/, /recv #1 1024 B/, /recv #1 1024 B/]);
});

test('A partial send loses bytes: halted there, with the lost count on screen', async () => {
  await teach.scenario('A partial send loses bytes', 60_000);
  await expect(teach.halted).toContainText(/send\(\) wrote \d+ of \d+ B; the seed ignores the rest/);
  await expect(lab.counters).toContainText('bytes lost');
  await expect(lab.page.getByRole('radiogroup', { name: 'Mode' })).toHaveAttribute('data-mode', 'step');
  await lab.shot('scenario-partial-send');
});

test('KeyError on a half-close: readable and writable, then the original dies', async () => {
  await teach.scenario('KeyError on a half-close');
  const chip = inputs().getByRole('listitem').nth(1);
  await expect(lab.marks(chip)).toHaveAttribute('data-marks', 'readable');
  await expect(lab.marks(lab.list('outputs').getByRole('listitem').first())).toHaveAttribute(
    'data-marks',
    'writable',
  );
  await lab.step.click();
  await expect(lab.crashBanner).toContainText('KeyError on #1');
  await expect(lab.counters).toContainText('bytes lost');
});

test('A reset: ConnectionResetError where recv() is called', async () => {
  await teach.scenario('A reset: ConnectionResetError');
  await expect(inputs().getByRole('listitem').nth(1)).toContainText('ECONNRESET');
  await lab.step.click();
  await expect(lab.crashBanner).toContainText('ConnectionResetError on #1');
  await lab.shot('scenario-reset');
});

test('The 1,024-descriptor wall: fd 1024, and the loop halted at ValueError', async () => {
  test.setTimeout(90_000);
  await teach.scenario('The 1,024-descriptor wall', 80_000);
  await expect(teach.halted).toContainText('ValueError');
  await expect(inputs()).toHaveAttribute('data-count', '1022');
  await expect(lab.crashBanner).toContainText('fd 1024 is past FD_SETSIZE');
});

test('The listen(5) queue: six in the accept queue, fourteen waiting for a SYN retry', async () => {
  await teach.scenario('The listen(5) queue');
  const listener = inputs().getByRole('listitem').first();
  await expect(listener).toContainText('queue 6/6');
  await expect(listener).toContainText('+14 waiting for a SYN retry');
  await lab.step.click();
  await expect(listener).toContainText('queue 5/6');
});

test("Nagle's algorithm: the two rates, measured, on screen", async () => {
  test.setTimeout(60_000);
  await teach.scenario("Nagle's algorithm", 50_000);
  const measured = teach.scenarioNotes.getByRole('definition');
  await expect(measured).toHaveCount(2);
  const [off, on] = (await measured.allTextContents()).map((t) => Number(t.replace(/[^\d]/g, '')));
  // Delayed ACKs (40 ms at least, on Linux) cap the rate with Nagle; without it the rate is CPU-bound.
  expect(on).toBeGreaterThan(2 * (off ?? Infinity));
  await lab.shot('scenario-nagle');
});
