import { expect, test } from '@playwright/test';
import { ClientsPanelPage } from './pages/ClientsPanelPage';
import { KeyboardUser } from './pages/KeyboardUser';
import { LabPage } from './pages/LabPage';
import { freePort, openClient, type TestClient } from './pages/tcp';

/** Issue 15: the whole lab by keyboard alone, focus visible at every stop. */
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
  await lab.open(); // a fresh page: focus starts at the top, as a user finds it
});

test.afterEach(async () => {
  client?.close();
  client = null;
  await fleet.stopAll();
  await lab.reset();
});

test('start, spawn, Step, step, open a connection, read its queue, stop: no mouse', async ({ page }) => {
  test.setTimeout(60_000);
  const keys = new KeyboardUser(page);
  await keys.watchPointer();
  const port = await freePort();

  // Start: Host, then Port; Enter submits.
  await keys.tabTo(lab.port);
  await keys.replaceText(String(port));
  await keys.press('Enter');
  await expect(lab.stopServer).toBeVisible();

  // Spawn three echo clients from the Clients panel.
  await keys.tabTo(fleet.count);
  await keys.replaceText('3');
  await keys.press('Enter');
  await expect(fleet.list).toHaveAttribute('data-count', '3');
  await expect(lab.list('inputs')).toHaveAttribute('data-count', '4');

  // One more connection, by the test's own TCP client, accepted while the loop runs.
  client = await openClient(port);
  const ours = lab.chipOf('inputs', client.localPort);
  await expect(ours).toBeVisible();

  // Back to the Mode radios (Tab stops on the checked one), and the arrow keys pick Step.
  await keys.tabTo(page.getByRole('radio', { name: 'Run' }), { backwards: true });
  await keys.press('ArrowRight');
  await keys.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Step' })).toBeChecked();
  const halted = page.getByRole('log', { name: 'While halted' });
  await expect(halted).toContainText(/^Halted: /);

  // Our client sends a message: it waits to be read.
  client.socket.write('hello');
  await expect(lab.marks(ours)).toHaveAttribute('data-marks', /readable/);
  await expect(halted).toContainText(/Now select\(\) would return [1-9]\d* readable/);

  // Space on the radio is the radio's; Tab on to the Step button, where Space clicks it: one
  // iteration, and the live region says what select() returned, not each chip.
  const before = Number(await lab.counters.getAttribute('data-iteration'));
  await keys.tabTo(lab.step);
  await keys.press('Space');
  await expect(lab.counters).toHaveAttribute('data-iteration', String(before + 1));
  await expect(halted).toContainText(
    new RegExp(
      `Iteration ${before + 1}: select\\(\\) returned [^.]*readable[^.]*\\. Next, select\\(\\) would`,
    ),
  );

  // A list is one tab stop; the arrow keys move inside it.
  const inputs = lab.list('inputs').getByRole('button');
  await keys.tabTo(inputs.first());
  await expect(inputs.first()).toContainText('#0 fd 3 listening');
  await keys.press('ArrowDown');
  await expect(inputs.nth(1)).toBeFocused();
  await keys.press('End');
  await expect(inputs.last()).toBeFocused();

  // Tab on to outputs, arrow down to our connection and open it.
  const outputs = lab.list('outputs').getByRole('button');
  const chip = lab.chipOf('outputs', client.localPort).getByRole('button');
  await keys.tabTo(outputs.first());
  for (let i = 0; i < 10 && !(await chip.evaluate((el) => el === el.ownerDocument.activeElement)); i += 1)
    await keys.press('ArrowDown');
  await expect(chip).toBeFocused();
  await keys.press('Enter');
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await expect(lab.detail.getByRole('heading', { level: 3 })).toContainText(`127.0.0.1:${client.localPort}`);

  // Read its queue: as text, then as hex; then its history, reached by Tab.
  const queue = lab.detail.getByRole('list', { name: 'Queue' });
  await expect(queue).toContainText('hello');
  await keys.tabTo(lab.detail.getByRole('button', { name: 'hex' }));
  await keys.press('Enter');
  await expect(queue).toContainText('68 65 6c 6c 6f');
  await keys.tabTo(lab.detail.getByRole('list', { name: 'Connection history' }));

  // Stop, by its key: the detail closes under the focus, which lands on its panel, not on the page.
  await keys.press('s');
  await expect(lab.startServer).toBeVisible();
  await expect(lab.detail.getByText('Click a socket chip')).toBeVisible();
  await expect(lab.detail).toBeFocused();
  await keys.expectFocusVisible();
  await keys.assertNoPointer();
  test.info().annotations.push({ type: 'focus path', description: keys.path.join(' → ') });
  await lab.shot('keyboard-only');
});

test('focus stays on the page when what holds it goes away', async ({ page }) => {
  const port = await freePort();
  await lab.start(port);
  client = await openClient(port);
  await lab.mode('Step');
  client.socket.write('bye');
  await expect(lab.marks(lab.chipOf('inputs', client.localPort))).toHaveAttribute('data-marks', /readable/);

  const keys = new KeyboardUser(page);
  await keys.watchPointer();
  await keys.tabTo(lab.step); // Space on the Mode radio would be the radio's
  await keys.press('Space'); // recv: the socket joins outputs
  const chip = lab.chipOf('outputs', client.localPort).getByRole('button');
  await keys.tabTo(chip);
  await keys.press('Enter');
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  // Space belongs to the focused chip (it would close the detail); R runs the loop from here:
  // the echo goes out, nothing is left to send, outputs -= s, and the focused chip goes.
  await keys.press('r');
  await client.waitForEcho('bye');
  await expect(chip).toHaveCount(0);
  await expect(lab.list('outputs')).toBeFocused(); // the list it was in, now empty
  await keys.expectFocusVisible();

  // Close detail goes with the detail: focus lands on its panel.
  await keys.tabTo(lab.detail.getByRole('button', { name: 'Close detail' }));
  await keys.press('Enter');
  await expect(lab.detail).toBeFocused();
  await keys.expectFocusVisible();
  await keys.assertNoPointer();
});
