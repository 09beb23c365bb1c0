import { expect, test } from '@playwright/test';
import { useTeachingLab } from './pages/teaching-lab';
import { freePort } from './pages/tcp';

/**
 * Issue 11: one click per scenario, then the effect its paragraph promises, on this window,
 * every time. Setups wait on conditions (the host's, electron/teaching/), never on time.
 */
const t = useTeachingLab();

test.beforeEach(async () => {
  await t.lab.start(await freePort());
});

const inputs = () => t.lab.list('inputs');

test('One client: accept, recv, send, and the client verifies its echo', async () => {
  await t.teach.scenario('One client');
  await expect(t.lab.marks(inputs().getByRole('listitem').first())).toHaveAttribute('data-marks', 'readable');
  await t.lab.step.click(); // accept
  await expect(inputs()).toHaveAttribute('data-count', '2');
  await t.lab.step.click(); // recv, queue, outputs += #1
  await expect(t.lab.list('outputs')).toHaveAttribute('data-count', '1');
  await t.lab.step.click(); // send
  await expect(t.fleet.list.getByRole('button').first()).toContainText('verified');
  await t.lab.shot('scenario-one-client');
});

test('Three clients take turns: one select() returns all three, served in turn', async () => {
  await t.teach.scenario('Three clients take turns');
  await expect(inputs().locator('[data-marks~="readable"]')).toHaveCount(3);
  await t.lab.step.click();
  await expect(t.lab.list('outputs')).toHaveAttribute('data-count', '3');
  const recvs = await t.teach.logOf('recv');
  await expect(recvs.getByRole('button')).toHaveText([/recv #3 /, /recv #2 /, /recv #1 /]);
});

test('recv(1024) chunks a message: 1,024, 1,024 and 952 bytes', async () => {
  await t.teach.scenario('recv(1024) chunks a message');
  for (let i = 0; i < 3; i++) await t.lab.step.click();
  const recvs = await t.teach.logOf('recv');
  await expect(recvs.getByRole('button')).toHaveText([/recv #1 952 B/, /recv #1 1024 B/, /recv #1 1024 B/]);
});

test('A partial send loses bytes: halted there, with the lost count on screen', async () => {
  await t.teach.scenario('A partial send loses bytes', 60_000);
  await expect(t.teach.halted).toContainText(/send\(\) wrote \d+ of \d+ B; the seed ignores the rest/);
  await expect(t.lab.counters).toContainText('bytes lost');
  await expect(t.lab.page.getByRole('radiogroup', { name: 'Mode' })).toHaveAttribute('data-mode', 'step');
  await t.lab.shot('scenario-partial-send');
});

test('KeyError on a half-close: readable and writable, then the original dies', async () => {
  await t.teach.scenario('KeyError on a half-close');
  const chip = inputs().getByRole('listitem').nth(1);
  await expect(t.lab.marks(chip)).toHaveAttribute('data-marks', 'readable');
  await expect(t.lab.marks(t.lab.list('outputs').getByRole('listitem').first())).toHaveAttribute(
    'data-marks',
    'writable',
  );
  await t.lab.step.click();
  await expect(t.lab.crashBanner).toContainText('KeyError on #1');
  await expect(t.lab.counters).toContainText('bytes lost');
});

test('A reset: ConnectionResetError where recv() is called', async () => {
  await t.teach.scenario('A reset: ConnectionResetError');
  await expect(inputs().getByRole('listitem').nth(1)).toContainText('ECONNRESET');
  await t.lab.step.click();
  await expect(t.lab.crashBanner).toContainText('ConnectionResetError on #1');
  await t.lab.shot('scenario-reset');
});

test('The 1,024-descriptor wall: fd 1024, and the loop halted at ValueError', async () => {
  test.setTimeout(90_000);
  await t.teach.scenario('The 1,024-descriptor wall', 80_000);
  await expect(t.teach.halted).toContainText('ValueError');
  await expect(inputs()).toHaveAttribute('data-count', '1022');
  await expect(t.lab.crashBanner).toContainText('fd 1024 is past FD_SETSIZE');
});

test('The listen(5) queue: six in the accept queue, fourteen waiting for a SYN retry', async () => {
  await t.teach.scenario('The listen(5) queue');
  const listener = inputs().getByRole('listitem').first();
  await expect(listener).toContainText('queue 6/6');
  await expect(listener).toContainText('+14 waiting for a SYN retry');
  await t.lab.step.click();
  // One accepted, beside the listener; its place in the queue is free until a retry takes it
  // (the first comes a second after the clients did).
  await expect(inputs()).toHaveAttribute('data-count', '2');
  await expect(listener).toContainText(/queue 5\/6 \+14 waiting|queue 6\/6 \+13 waiting/);
});

test("Nagle's algorithm: the two rates, measured, on screen", async () => {
  test.setTimeout(60_000);
  await t.teach.scenario("Nagle's algorithm", 50_000);
  const measured = t.teach.scenarioNotes.getByRole('definition');
  await expect(measured).toHaveCount(2);
  const [off, on] = (await measured.allTextContents()).map((t) => Number(t.replace(/[^\d]/g, '')));
  // Delayed ACKs (40 ms at least, on Linux) cap the rate with Nagle; without it the rate is CPU-bound.
  expect(on).toBeGreaterThan(2 * (off ?? Infinity));
  await t.lab.shot('scenario-nagle');
});
