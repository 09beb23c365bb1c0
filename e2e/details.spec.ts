import { expect, test, type Page } from '@playwright/test';
import { TUTORIAL_TITLE } from '../shared/tutorial';
import { KeyboardUser } from './pages/KeyboardUser';
import { useTeachingLab } from './pages/teaching-lab';
import { freePort, openClient } from './pages/tcp';

/** Issue 11: the details a teacher asked for, and the frictions found in the walk. */
const t = useTeachingLab();

/** True when the page itself does not scroll: everything fits the window. */
const fits = (page: Page) =>
  page.evaluate(
    '(() => { const d = document.documentElement; return d.scrollHeight <= innerHeight && d.scrollWidth <= innerWidth; })()',
  );

test('an iteration shows the lists passed in; Go to iteration; the timeline is one tab stop', async ({
  page,
}) => {
  const port = await freePort();
  await t.lab.start(port);
  const client = await openClient(port);
  t.clients.push(client);
  client.socket.write('hi');
  await client.waitForEcho('hi');
  const iterations = page.getByRole('list', { name: 'Iterations' }).getByRole('button');
  const goto = page.getByRole('form', { name: 'Go to iteration' });
  await goto.getByRole('textbox', { name: 'Go to iteration' }).fill('99999');
  await goto.getByRole('button', { name: 'Go' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Iteration 99999 has not run yet' })).toBeVisible();
  await goto.getByRole('textbox', { name: 'Go to iteration' }).fill('2');
  await goto.getByRole('button', { name: 'Go' }).click();
  await expect(page.getByRole('heading', { name: /^Iteration 2/ })).toBeVisible();
  await expect(page.getByText('select(inputs=[#0, #1], outputs=[], inputs)')).toBeVisible();

  const keys = new KeyboardUser(page);
  await keys.tabTo(iterations.first());
  await keys.press('ArrowDown');
  await expect(iterations.nth(1)).toBeFocused();
  await keys.press('Tab');
  await expect(iterations.nth(2)).not.toBeFocused();
});

test('The tutorial opens in the window (the browser shell too), by its button or F1', async ({ page }) => {
  await page.getByRole('button', { name: 'The tutorial' }).click();
  const dialog = page.getByRole('dialog', { name: TUTORIAL_TITLE });
  await expect(dialog).toBeVisible();
  await expect(
    dialog.getByRole('region', { name: "The server's code" }).or(dialog.getByLabel("The server's code")),
  ).toContainText('select.select(inputs, outputs, inputs)');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('F1');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('Space belongs to a focused control: a focused switch toggles and no step runs', async ({ page }) => {
  const port = await freePort();
  await t.lab.start(port);
  const client = await openClient(port);
  t.clients.push(client);
  await t.lab.mode('Step');
  client.socket.write('x');
  await expect(t.lab.marks(t.lab.chipOf('inputs', client.localPort))).toHaveAttribute(
    'data-marks',
    /readable/,
  );
  const before = await t.lab.counters.getAttribute('data-iteration');
  await t.lab.tutorialMode.focus();
  await page.keyboard.press('Space');
  await expect(t.lab.tutorialMode).toBeChecked();
  await expect(t.lab.counters).toHaveAttribute('data-iteration', String(before));
  // On the page itself, Space steps.
  await page.getByRole('heading', { name: 'Socket Lab' }).click();
  await page.keyboard.press('Space');
  await expect(t.lab.counters).not.toHaveAttribute('data-iteration', String(before));
});

test('the queue shows bytes that are not UTF-8 as \\xNN, never as �', async () => {
  const port = await freePort();
  await t.lab.start(port);
  const client = await openClient(port);
  t.clients.push(client);
  await t.lab.mode('Step');
  client.socket.write(Buffer.from([0x68, 0xff, 0x69, 0x0a]));
  await expect(t.lab.marks(t.lab.chipOf('inputs', client.localPort))).toHaveAttribute(
    'data-marks',
    /readable/,
  );
  await t.lab.step.click();
  await t.lab.chipOf('outputs', client.localPort).getByRole('button').click();
  const queue = t.lab.detail.getByRole('list', { name: 'Queue' });
  await expect(queue).toContainText('h\\xffi\\n');
  await expect(queue).not.toContainText('\uFFFD');
});

test('the window fits 1440 × 900 without scrolling the page, with a scenario, a lesson and the log open', async ({
  page,
}) => {
  expect(await fits(page)).toBe(true);
  await t.lab.start(await freePort());
  await t.teach.lessonsButton.click();
  await page
    .getByRole('region', { name: 'Lessons' })
    .getByRole('button', { name: '1. One client, one echo' })
    .click();
  await expect(t.teach.scenarioNotes).toHaveAttribute('data-ready', 'true');
  await t.teach.logTab.click();
  expect(await fits(page)).toBe(true);
  await t.teach.lesson.getByRole('button', { name: 'End lesson' }).click();
  await t.fleet.stopAll();
});

test('every control has a name of its own; errors never cover a control; a favicon', async ({ page }) => {
  for (const name of ['Behaviour', 'Run until', 'Kind']) {
    if (name === 'Kind') await t.teach.logTab.click();
    await expect(page.getByRole('combobox', { name, exact: true })).toHaveCount(1);
  }
  await t.teach.timelineTab.click();
  await t.lab.port.fill('not a port');
  await t.lab.startServer.click();
  const error = page.getByRole('alert').filter({ hasText: 'Port must be a number.' });
  await expect(error).toBeVisible();
  const box = await error.boundingBox();
  const controls = page.locator('button:visible, input:visible, select:visible');
  for (let i = 0; i < (await controls.count()); i++) {
    const control = controls.nth(i);
    if (
      (await error.locator('button').count()) > 0 &&
      (await control.evaluate((el) => el.closest('.field-error') !== null))
    )
      continue;
    const other = await control.boundingBox();
    if (!box || !other) continue;
    const overlaps =
      box.x < other.x + other.width &&
      other.x < box.x + box.width &&
      box.y < other.y + other.height &&
      other.y < box.y + box.height;
    expect(overlaps, `the error covers ${await control.evaluate((el) => el.outerHTML.slice(0, 80))}`).toBe(
      false,
    );
  }
  await t.lab.port.fill('50000');

  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  const icon = await page.request.get(new URL(href ?? '', page.url()).toString());
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
});
