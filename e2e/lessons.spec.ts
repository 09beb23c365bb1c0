import { writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { useTeachingLab } from './pages/teaching-lab';
import { freePort } from './pages/tcp';

/** Issue 11: a lesson played in the window; a bad lesson file named by file, step and field. */
const t = useTeachingLab();

test('a lesson: its scenario, notes, a prediction, Next and Back, progress, a question', async ({ page }) => {
  await t.lab.start(await freePort());
  await t.teach.lessonsButton.click();
  await page
    .getByRole('region', { name: 'Lessons' })
    .getByRole('button', { name: '1. One client, one echo' })
    .click();
  await expect(t.teach.lesson).toHaveAttribute('data-step', '1');
  await expect(t.teach.lesson).toContainText('Step 1 of 5');
  await expect(t.teach.scenarioNotes).toHaveAttribute('data-ready', 'true');
  await expect(t.teach.predict).toBeChecked(); // the step asked for a prediction
  await t.lab.list('inputs').getByRole('listitem').first().getByRole('button', { name: 'readable' }).click();
  await t.teach.reveal.click();
  await expect(t.teach.score).toContainText('1 right');
  await t.lab.shot('lesson');

  await t.teach.lesson.getByRole('button', { name: 'Next' }).click();
  await expect(t.teach.lesson).toContainText('Step 2 of 5');
  await expect(t.lab.list('inputs')).toHaveAttribute('data-count', '2'); // its action ran: accept
  await t.teach.lesson.getByRole('button', { name: 'Back' }).click();
  await expect(t.teach.lesson).toContainText('Step 1 of 5');
  await expect(t.lab.list('inputs')).toHaveAttribute('data-count', '2'); // Back runs nothing
  await t.teach.lesson.getByRole('button', { name: 'Next' }).click();
  await t.teach.lesson.getByRole('button', { name: 'Next' }).click();
  await t.teach.lesson.getByRole('button', { name: 'Next' }).click();
  await expect(t.teach.lesson).toContainText('Step 4 of 5');
  await t.teach.lesson.getByRole('radio', { name: /leaves outputs/ }).check();
  await t.teach.lesson.getByRole('button', { name: 'Check' }).click();
  await expect(t.teach.lesson.getByRole('status')).toContainText('Right.');
});

test('a bad lesson file is refused with its file, step and field named', async ({ page }) => {
  const path = test.info().outputPath('my-lesson.json');
  await writeFile(
    path,
    JSON.stringify({ format: 1, title: 'Mine', steps: [{ note: 'ok' }, { action: 'stepp', note: 'bad' }] }),
  );
  await t.teach.lessonsButton.click();
  await page.getByText('Open lesson file…').setInputFiles(path);
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'my-lesson.json: step 2, field "action": there is no such action' }),
  ).toBeVisible();
  await expect(t.teach.lesson).toHaveCount(0);
});
