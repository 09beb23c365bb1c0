import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { KeyboardUser } from './pages/KeyboardUser';
import { useTeachingLab } from './pages/teaching-lab';
import { freePort, openClient } from './pages/tcp';

/** Issue 11: Predict and Reveal, Run until, Presenter and Export image, in the window. */
const t = useTeachingLab();

const row = (list: 'inputs' | 'outputs', n: number) => t.lab.list(list).getByRole('listitem').nth(n);

test('Predict: marks by mouse and by keyboard, Reveal judges each socket, the score adds up', async ({
  page,
}) => {
  await t.lab.start(await freePort());
  await t.teach.scenario('One client');
  await t.teach.predict.click();
  // The answer is hidden while predicting: no chip shows what select() would return.
  await expect(t.lab.list('inputs').locator('[data-marks]')).toHaveCount(0);
  await row('inputs', 0).getByRole('button', { name: 'readable' }).click();
  await expect(row('inputs', 0).getByRole('button', { name: 'readable' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await t.teach.reveal.click();
  await expect(row('inputs', 0).locator('[data-verdict="readable:right"]')).toBeVisible();
  await expect(t.teach.score).toContainText('1 right · 0 wrong · 0 missed');
  await t.lab.shot('predict-revealed');

  // The next one by keyboard only: Tab into the list, ↓ to #1, Space marks readable, X marks
  // exceptional (wrong), V reveals.
  await t.lab.step.click(); // the rest of the pass: accept #1
  await expect(t.lab.list('inputs')).toHaveAttribute('data-count', '2');
  const keys = new KeyboardUser(page);
  await keys.watchPointer();
  await keys.tabTo(row('inputs', 0).getByRole('button', { name: 'readable' }));
  await keys.press('ArrowDown');
  const readable = row('inputs', 1).getByRole('button', { name: 'readable' });
  await expect(readable).toBeFocused();
  await keys.press('Space');
  await expect(readable).toHaveAttribute('aria-pressed', 'true');
  await keys.press('x');
  await expect(row('inputs', 1).getByRole('button', { name: 'exceptional' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await keys.press('v');
  await expect(row('inputs', 1).locator('[data-verdict="readable:right"]')).toBeVisible();
  await expect(row('inputs', 1).locator('[data-verdict="exceptional:wrong"]')).toBeVisible();
  await expect(t.teach.score).toContainText('2 right · 1 wrong · 0 missed');
  await keys.assertNoPointer();
});

test('Run until: a bad value is explained in words, a socket entering outputs halts the loop', async () => {
  const port = await freePort();
  await t.lab.start(port);
  await t.teach.runUntilCondition.selectOption({ label: 'queue passes N bytes' });
  await t.lab.page.getByRole('textbox', { name: 'Bytes' }).fill('lots');
  await t.teach.runUntilButton.click();
  await expect(
    t.lab.page.getByRole('alert').filter({ hasText: 'The byte count must be a number, such as 4096.' }),
  ).toBeVisible();
  await expect(t.lab.page.getByText(/Invalid input|expected number/)).toHaveCount(0);

  await t.teach.runUntilCondition.selectOption({ label: 'socket enters outputs' });
  await t.teach.runUntilButton.click();
  await expect(
    t.lab.page.getByRole('status').filter({ hasText: 'Running until a socket enters outputs…' }),
  ).toBeVisible();
  const client = await openClient(port);
  t.clients.push(client);
  client.socket.write('hello');
  await expect(t.teach.halted).toContainText('#1 entered outputs (run until a socket enters outputs)');
  await expect(t.lab.page.getByRole('radiogroup', { name: 'Mode' })).toHaveAttribute('data-mode', 'step');
  // Halted before the next select(), which would echo it.
  await expect(t.lab.marks(t.lab.list('outputs').getByRole('listitem').first())).toHaveAttribute(
    'data-marks',
    'writable',
  );

  await t.teach.runUntilCondition.selectOption({ label: 'iteration N' });
  await t.lab.page.getByRole('textbox', { name: 'Iteration', exact: true }).fill('1');
  await t.teach.runUntilButton.click();
  await expect(
    t.lab.page.getByRole('alert').filter({ hasText: /^Iteration 1 has run already/ }),
  ).toBeVisible();
});

test('Presenter: one zoom for every panel, a focused layout, a bad zoom refused, Export image as a PNG', async ({
  page,
}) => {
  await t.lab.start(await freePort());
  await t.teach.scenario('KeyError on a half-close');
  await t.teach.presenter.click();
  await expect(page.getByRole('region', { name: 'History' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Connection detail' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Code' })).toBeVisible();
  await expect(t.teach.notes).toBeVisible();
  await t.teach.zoom.fill('250');
  await t.teach.zoom.press('Enter');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Zoom must be between 100 and 200 %.' }),
  ).toBeVisible();
  await t.teach.zoom.fill('175');
  await t.teach.zoom.press('Enter');
  await expect(page.locator('.app')).toHaveCSS('zoom', '1.75');
  // Zoomed, the window still fits the screen: no page scroll.
  expect(await page.evaluate('document.documentElement.scrollHeight <= window.innerHeight + 1')).toBe(true);
  await t.lab.shot('presenter');

  const download = page.waitForEvent('download');
  await t.teach.exportImage.click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^socket-lab-iteration-\d+\.png$/);
  await expect(
    page.getByRole('status').filter({ hasText: /^Saved socket-lab-iteration-\d+\.png$/ }),
  ).toBeVisible();
  const path = test.info().outputPath('exported.png');
  await file.saveAs(path);
  const png = await readFile(path);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  // The IHDR chunk: the image is the window's size, in CSS pixels.
  expect(png.readUInt32BE(16)).toBeGreaterThan(1000);
  expect(png.readUInt32BE(20)).toBeGreaterThan(600);
});
