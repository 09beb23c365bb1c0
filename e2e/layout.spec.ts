import { expect, test, type Locator, type Page } from '@playwright/test';
import { LabPage } from './pages/LabPage';
import { freePort } from './pages/tcp';

/** The window on the screens it meets in a classroom: projectors at 1280 × 720 and 1024 × 768. */

const box = async (locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> => {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${locator.toString()} has no box`);
  return found;
};

const overlaps = (
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function openLab(page: Page, testInfo: Parameters<Parameters<typeof test>[2]>[1]): Promise<LabPage> {
  const lab = new LabPage(page, testInfo);
  await lab.open();
  await lab.reset();
  return lab;
}

test.describe('at 1280 × 720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the server, recording and counters share the first toolbar row, started or not', async ({
    page,
  }, testInfo) => {
    const lab = await openLab(page, testInfo);
    const counters = page.getByRole('group', { name: 'Counters' });
    const serverButton = page.getByRole('button', { name: /^(Start|Stop) Server$/ });
    const sameRow = async (): Promise<void> => {
      const [a, b] = [await box(counters), await box(serverButton)];
      // One row: the counters' box spans the button's middle, as it would not on a line of its own.
      expect(a.y).toBeLessThan(b.y + b.height / 2);
      expect(a.y + a.height).toBeGreaterThan(b.y + b.height / 2);
    };
    await sameRow();
    await lab.start(await freePort());
    await sameRow();
    await lab.reset();
  });
});

test.describe('at 1024 × 768', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('one column that scrolls: no panel over another, the lists and the code on screen together', async ({
    page,
  }, testInfo) => {
    await openLab(page, testInfo);
    const panels = [
      page.locator('.lists-panel'),
      page.locator('.timeline-panel'),
      page.locator('.code-panel'),
      ...(await page.locator('.sidebar > *').all()),
    ];
    const boxes = await Promise.all(panels.map(box));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(overlaps(boxes[i]!, boxes[j]!), `panels ${i} and ${j} overlap`).toBe(false);
    // Lists and code both within the first screen: a class sees select()'s lists beside the line that made them.
    for (const panel of [page.locator('.lists-panel'), page.locator('.code-panel')])
      await expect(panel).toBeInViewport();
    // The sidebar is below, reached by scrolling the workspace.
    const clients = page.getByRole('button', { name: 'Spawn', exact: true });
    await clients.scrollIntoViewIfNeeded();
    await expect(clients).toBeInViewport();
  });

  test('Presenter: the lists and the code share the screen, zoomed', async ({ page }, testInfo) => {
    const lab = await openLab(page, testInfo);
    const presenter = page.getByRole('switch', { name: 'Presenter' });
    await presenter.check();
    try {
      const [lists, code] = [page.locator('.lists-panel'), page.locator('.code-panel')];
      for (const panel of [lists, code]) await expect(panel).toBeInViewport({ ratio: 0.9 });
      expect(overlaps(await box(lists), await box(code))).toBe(false);
    } finally {
      await presenter.uncheck();
      await lab.reset();
    }
  });
});
