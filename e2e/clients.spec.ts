import { expect, test } from '@playwright/test';
import { ClientsPanelPage } from './pages/ClientsPanelPage';
import { LabPage } from './pages/LabPage';
import { childrenOf, pidListeningOn } from './pages/processes';
import { freePort, openClient, type TestClient } from './pages/tcp';

/** Issue 5, test 5: test clients spawned from the window, against the browser shell. */
let lab: LabPage;
let clients: ClientsPanelPage;
let external: TestClient | null = null;

test.beforeEach(async ({ page }, testInfo) => {
  lab = new LabPage(page, testInfo);
  clients = new ClientsPanelPage(page);
  await lab.open();
  await clients.stopAll();
  await lab.reset();
});

test.afterEach(async () => {
  external?.close();
  external = null;
  await clients.stopAll();
  await lab.reset();
});

test('20 echo clients verify; 5 reset clients turn readable, recv() raises ConnectionResetError, and they leave', async () => {
  test.setTimeout(60_000);
  const port = await freePort();
  await lab.start(port);
  external = await openClient(port);

  await clients.spawn(20, 'echo', { size: 512, intervalMs: 100 });
  await expect(lab.list('inputs')).toHaveAttribute('data-count', '22'); // the listener, 20 clients, 1 external
  await expect(clients.verified).toHaveText('20 verified');
  await expect(clients.list.getByRole('listitem').first()).toContainText('verified');
  await expect(lab.chipOf('inputs', external.localPort)).toContainText('external');
  await expect(
    lab
      .list('inputs')
      .getByRole('listitem')
      .filter({ hasText: /client C\d+/ })
      .first(),
  ).toBeVisible();
  await lab.shot('clients-1-twenty-echo-verified');

  // Step through the resets one select() at a time: each reset socket turns readable, never exceptional.
  await clients.stopAll();
  await expect(lab.list('inputs')).toHaveAttribute('data-count', '2');
  await lab.mode('Step');
  const iterations = lab.page.getByRole('list', { name: 'Iterations' }).getByRole('listitem');
  // A row reads "Iteration 12 R #3 · X #4 3 actions" (its visible text, named for screen readers).
  const iterationOf = (row: string): number => Number(/^Iteration (\d+)/.exec(row)?.[1] ?? 0);
  const before = iterationOf((await iterations.first().textContent()) ?? '');
  await clients.spawn(5, 'reset', { size: 64 });
  const marked = lab.page.locator('.lists [data-marks]:not([data-marks=""])');
  const closed = clients.list.getByRole('listitem').filter({ hasText: 'closed' });
  const resetChip = lab.list('inputs').getByRole('listitem').filter({ hasText: 'ECONNRESET' });
  let shot = false;
  const done = async (): Promise<boolean> =>
    (await lab.list('inputs').getAttribute('data-count')) === '2' && (await closed.count()) === 5;
  for (let steps = 0; steps < 200; steps += 1) {
    // Either every reset is through, or select() would return something: step on.
    await expect
      .poll(async () => (await done()) || (await marked.count()) > 0, { timeout: 10_000 })
      .toBe(true);
    if (await done()) break;
    expect(await lab.list('exceptional').getByRole('listitem').count()).toBe(0);
    if (!shot && (await resetChip.count()) > 0) {
      await expect(lab.marks(resetChip.first())).toHaveAttribute('data-marks', /readable/);
      await lab.shot('clients-2-reset-readable');
      shot = true;
    }
    await lab.step.click();
  }
  await expect(lab.list('inputs')).toHaveAttribute('data-count', '2');
  await expect(closed).toHaveCount(5);
  // The timeline names each reset: recv() raised ConnectionResetError on five sockets (iterations since they began).
  // It follows the loop at a pace (a quarter of a second), so the last step's row may come a moment later.
  const rows = async (): Promise<string> =>
    (await iterations.allTextContents()).filter((row) => iterationOf(row) > before).join(' ');
  await expect.poll(async () => new Set((await rows()).match(/ConnectionResetError #\d+/g)).size).toBe(5);
  expect(await rows()).not.toMatch(/X #/);
});

test('killing the fleet process: the window says so, and a new spawn works', async () => {
  test.skip(process.platform !== 'linux', 'finds the fleet process through /proc');
  const port = await freePort();
  await lab.start(port);
  await clients.spawn(3, 'echo', { size: 128, intervalMs: 100 });
  await expect(clients.verified).toHaveText('3 verified');
  // The browser shell is the process serving the page; the fleet is its forked child.
  const shell = pidListeningOn(Number(new URL(process.env.SOCKETLAB_URL ?? '').port));
  expect(shell).not.toBeNull();
  const fleet = childrenOf(shell!).filter((c) => c.cmdline.includes('fleet'));
  expect(fleet).toHaveLength(1);
  process.kill(fleet[0]!.pid, 'SIGKILL');

  await expect(clients.fleetDown).toContainText('was killed by SIGKILL');
  await expect(lab.page.getByRole('alert').filter({ hasText: 'FLEET_DOWN' }).first()).toBeVisible();
  await lab.shot('clients-3-fleet-killed');
  await clients.spawn(2, 'echo', { size: 128, intervalMs: 100 });
  await expect(clients.verified).toHaveText('2 verified');
  await expect(clients.fleetDown).toHaveCount(0);
});
