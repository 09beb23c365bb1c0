import { writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { ClientsPanelPage } from './pages/ClientsPanelPage';
import { LabPage } from './pages/LabPage';
import { TeachingPage } from './pages/TeachingPage';
import { freePort } from './pages/tcp';

/** Issue 11: a lesson played in the window; a bad lesson file named by file, step and field. */
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
});

test.afterEach(async () => {
  if (await teach.lesson.isVisible()) await teach.lesson.getByRole('button', { name: 'End lesson' }).click();
  if (await teach.predict.isChecked()) await teach.predict.click();
  await fleet.stopAll();
  await lab.reset();
});

test('a lesson: its scenario, notes, a prediction, Next and Back, progress, a question', async ({ page }) => {
  await lab.start(await freePort());
  await teach.lessonsButton.click();
  await page
    .getByRole('region', { name: 'Lessons' })
    .getByRole('button', { name: '1. One client, one echo' })
    .click();
  await expect(teach.lesson).toHaveAttribute('data-step', '1');
  await expect(teach.lesson).toContainText('Step 1 of 5');
  await expect(teach.scenarioNotes).toHaveAttribute('data-ready', 'true');
  await expect(teach.predict).toBeChecked(); // the step asked for a prediction
  await lab.list('inputs').getByRole('listitem').first().getByRole('button', { name: 'readable' }).click();
  await teach.reveal.click();
  await expect(teach.score).toContainText('1 right');
  await lab.shot('lesson');

  await teach.lesson.getByRole('button', { name: 'Next' }).click();
  await expect(teach.lesson).toContainText('Step 2 of 5');
  await expect(lab.list('inputs')).toHaveAttribute('data-count', '2'); // its action ran: accept
  await teach.lesson.getByRole('button', { name: 'Back' }).click();
  await expect(teach.lesson).toContainText('Step 1 of 5');
  await expect(lab.list('inputs')).toHaveAttribute('data-count', '2'); // Back runs nothing
  await teach.lesson.getByRole('button', { name: 'Next' }).click();
  await teach.lesson.getByRole('button', { name: 'Next' }).click();
  await teach.lesson.getByRole('button', { name: 'Next' }).click();
  await expect(teach.lesson).toContainText('Step 4 of 5');
  await teach.lesson.getByRole('radio', { name: /leaves outputs/ }).check();
  await teach.lesson.getByRole('button', { name: 'Check' }).click();
  await expect(teach.lesson.getByRole('status')).toContainText('Right.');
});

test('a bad lesson file is refused with its file, step and field named', async ({ page }) => {
  const path = test.info().outputPath('my-lesson.json');
  await writeFile(
    path,
    JSON.stringify({ format: 1, title: 'Mine', steps: [{ note: 'ok' }, { action: 'stepp', note: 'bad' }] }),
  );
  await teach.lessonsButton.click();
  await page.getByText('Open lesson file…').setInputFiles(path);
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'my-lesson.json: step 2, field "action": there is no such action' }),
  ).toBeVisible();
  await expect(teach.lesson).toHaveCount(0);
});
