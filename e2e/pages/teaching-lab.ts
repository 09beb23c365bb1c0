import { test } from '@playwright/test';
import { ClientsPanelPage } from './ClientsPanelPage';
import { LabPage } from './LabPage';
import { OptionsPanelPage } from './OptionsPanelPage';
import { TeachingPage } from './TeachingPage';
import type { TestClient } from './tcp';

/** What a teaching spec drives: the window, its teaching controls, the test clients, and raw TCP clients it opened. */
export interface TeachingLab {
  lab: LabPage;
  teach: TeachingPage;
  fleet: ClientsPanelPage;
  /** Closed after each test. */
  clients: TestClient[];
}

/**
 * The teaching specs' common ground (issue 11): the window at 1440 × 900 on the shared shell,
 * reset before each test, and put back after it, whatever the test left on — a lesson,
 * Predict, Presenter, the Log tab, clients, socket options. Call it once at a spec's top;
 * the returned object's pages are the current test's.
 */
export function useTeachingLab(): TeachingLab {
  const t = { clients: [] as TestClient[] } as TeachingLab;
  test.use({ viewport: { width: 1440, height: 900 } });
  test.beforeEach(async ({ page }, testInfo) => {
    t.lab = new LabPage(page, testInfo);
    t.teach = new TeachingPage(page);
    t.fleet = new ClientsPanelPage(page);
    await t.lab.open();
    await t.fleet.stopAll();
    await t.lab.reset();
  });
  test.afterEach(async () => {
    const { lab, teach, fleet, clients } = t;
    for (const client of clients.splice(0)) client.close();
    await lab.page.keyboard.press('Escape'); // an open list (Scenarios, Lessons) closes
    if (await teach.lesson.isVisible())
      await teach.lesson.getByRole('button', { name: 'End lesson' }).click();
    if (await teach.predict.isChecked()) await teach.predict.click();
    if (await teach.presenter.isChecked()) await teach.presenter.click();
    if ((await teach.logTab.getAttribute('aria-selected')) === 'true') await teach.timelineTab.click();
    await fleet.stopAll();
    await new OptionsPanelPage(lab.page).restore();
    await lab.reset();
  });
  return t;
}
