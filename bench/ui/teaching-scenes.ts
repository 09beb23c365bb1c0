/**
 * The pictures of teaching with the lab (docs/teaching-*.png), each staged in the real window
 * through its own controls: a scenario set up, a prediction revealed, a lesson, Presenter.
 */
import type { Page } from '@playwright/test';

export interface TeachingScene {
  file: string;
  /** Sets the window up on a started server. */
  stage(page: Page): Promise<void>;
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function scenario(page: Page, title: string): Promise<void> {
  await button(page, 'Scenarios').click();
  await page
    .getByRole('region', { name: 'Scenarios' })
    .getByRole('button', { name: title, exact: true })
    .click();
  await page.locator('[aria-label="Scenario"][data-ready="true"]').waitFor({ timeout: 60_000 });
}

async function lesson(page: Page, title: string): Promise<void> {
  await button(page, 'Lessons').click();
  await page.getByRole('region', { name: 'Lessons' }).getByRole('button', { name: title }).click();
  await page.locator('[aria-label="Scenario"][data-ready="true"]').waitFor({ timeout: 60_000 });
}

export const TEACHING_SCENES: TeachingScene[] = [
  {
    // The Scenarios list over a scenario set up: the half-close, halted before the select() that kills the original.
    file: 'teaching-scenarios.png',
    async stage(page) {
      await scenario(page, 'KeyError on a half-close');
      await button(page, 'Scenarios').click();
      await page.getByRole('region', { name: 'Scenarios' }).waitFor();
    },
  },
  {
    // Three clients, predicted and revealed: the verdict on each chip and the score.
    file: 'teaching-predict.png',
    async stage(page) {
      await scenario(page, 'Three clients take turns');
      await page.getByRole('switch', { name: 'Predict' }).click();
      const inputs = page.getByRole('list', { name: 'inputs', exact: true }).getByRole('listitem');
      await inputs.nth(1).getByRole('button', { name: 'readable' }).click();
      await inputs.nth(2).getByRole('button', { name: 'readable' }).click();
      await inputs.nth(0).getByRole('button', { name: 'readable' }).click();
      await button(page, 'Reveal').click();
      await page.locator('[data-verdict]').first().waitFor();
    },
  },
  {
    // Lesson 4, its second step: the KeyError shown, and the question about the fix.
    file: 'teaching-lesson.png',
    async stage(page) {
      await lesson(page, '4. The half-close bug: KeyError');
      await page.getByRole('switch', { name: 'Predict' }).click(); // off: show the lists' own marks
      await page
        .getByRole('region', { name: 'Lesson', exact: true })
        .getByRole('button', { name: 'Next' })
        .click();
      await page.getByRole('alert').filter({ hasText: 'KeyError' }).first().waitFor();
    },
  },
  {
    // Presenter at 150 %: the lists, the code and the notes only, halted at the partial send.
    file: 'teaching-presenter.png',
    async stage(page) {
      await scenario(page, 'A partial send loses bytes');
      await page.getByRole('switch', { name: 'Presenter' }).click();
      await page.locator('.app[data-presenter]').waitFor();
    },
  },
];
