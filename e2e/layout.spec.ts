import { expect, test, type Locator, type Page } from '@playwright/test';
import { LabPage } from './pages/LabPage';
import { ReplayPage } from './pages/ReplayPage';
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

/** "123 MiB · 1,234,567 iterations · machine busy" as the line shows it, a little longer than any real one. */
const LONGEST_PROGRESS =
  '123.4 MiB · 1,234,567 iterations · <span class="recording-busy">machine busy</span>';
const LONGEST_SUMMARY = 'Stopped early · 12,345,678 iterations · 1023 MiB';

/**
 * Whether the counters span the server button's middle, measured at once (a string: e2e is
 * type-checked without the DOM's types).
 */
const sameRowNow = `(() => {
  const a = document.querySelector('[role="group"][aria-label="Counters"]').getBoundingClientRect();
  const b = [...document.querySelectorAll('button')]
    .find((button) => /^(Start|Stop) Server$/.test(button.textContent.trim()))
    .getBoundingClientRect();
  return a.top < b.top + b.height / 2 && a.bottom > b.top + b.height / 2;
})()`;

/**
 * Runs `check` in the page with a copy of `selector` holding `html` in its place (the real one
 * hidden, and back at once, in one task): the row as it would be, React's own nodes untouched.
 */
async function withStandIn(page: Page, selector: string, html: string, check: string): Promise<void> {
  const held = await page.evaluate(`(() => {
    const real = document.querySelector(${JSON.stringify(selector)});
    const standIn = real.cloneNode(false);
    standIn.innerHTML = ${JSON.stringify(html)};
    real.after(standIn);
    real.style.display = 'none';
    try {
      return ${check};
    } finally {
      standIn.remove();
      real.style.display = '';
    }
  })()`);
  expect(held, `${selector} as "${html}"`).toBe(true);
}

async function openLab(page: Page, testInfo: Parameters<Parameters<typeof test>[2]>[1]): Promise<LabPage> {
  const lab = new LabPage(page, testInfo);
  await lab.open();
  await lab.reset();
  return lab;
}

/** Checks the counters share the Start/Stop Server button's row. */
function sameRowCheck(page: Page): () => Promise<void> {
  const counters = page.getByRole('group', { name: 'Counters' });
  const serverButton = page.getByRole('button', { name: /^(Start|Stop) Server$/ });
  return async () => {
    const [a, b] = [await box(counters), await box(serverButton)];
    // One row: the counters' box spans the button's middle, as it would not on a line of its own.
    expect(a.y).toBeLessThan(b.y + b.height / 2);
    expect(a.y + a.height).toBeGreaterThan(b.y + b.height / 2);
  };
}

/** Records, then stops: the row holds while recording and after, with the longest lines each shows. */
async function recordKeepsRow(page: Page, sameRow: () => Promise<void>): Promise<ReplayPage> {
  const replay = new ReplayPage(page);
  await replay.record.click();
  await expect(replay.recordingProgress).toHaveText(/^[\d.]+ (B|KiB|MiB|GiB) · [\d,]+ iterations/);
  await sameRow();
  // The longest line a recording shows, a long session on a busy machine, in the real line's place.
  await withStandIn(page, '.recording-progress', LONGEST_PROGRESS, sameRowNow);

  await replay.stopRecording.click();
  await expect(replay.lastRecording).toHaveText(/^Saved · [\d,]+ iterations · [\d.]+ (B|KiB|MiB|GiB)▾$/);
  await sameRow();
  await withStandIn(page, '.recording-summary-text', LONGEST_SUMMARY, sameRowNow);
  return replay;
}

test.describe('at 1280 × 720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the server, recording and counters share the first toolbar row, started or not, recording or not', async ({
    page,
  }, testInfo) => {
    const lab = await openLab(page, testInfo);
    const sameRow = sameRowCheck(page);
    await sameRow();
    await lab.start(await freePort());
    await sameRow();
    const replay = await recordKeepsRow(page, sameRow);
    // Its details and actions a click away, over the window, not in the row.
    await replay.showLastRecording();
    await expect(replay.lastRecordingPanel).toContainText(/socket-lab-[\d-]+\.slrec\.gz/);
    await expect(replay.download).toBeVisible();
    await expect(
      replay.lastRecordingPanel.getByRole('button', { name: /^Open socket-lab-.* as a replay$/ }),
    ).toBeVisible();
    await sameRow();
    await page.keyboard.press('Escape');
    await expect(replay.lastRecordingPanel).toBeHidden();

    await lab.reset(); // the server stopped, the last recording still shown
    await expect(replay.lastRecording).toBeVisible();
    await sameRow();
  });

  test('the desktop app: its two program actions behind one Programs button, so the counters keep the first row', async ({
    page,
  }, testInfo) => {
    // The renderer shows the desktop app's toolbar when the preload's labDesktop is there; with no
    // window.lab beside it, the page still talks to this browser shell.
    await page.addInitScript('window.labDesktop = {}');
    const lab = await openLab(page, testInfo);
    const sameRow = sameRowCheck(page);
    const programs = page
      .getByRole('group', { name: 'Real programs' })
      .getByRole('button', { name: 'Programs' });
    const panel = page.getByRole('region', { name: 'Programs' });
    await sameRow();
    // Both actions a click away, over the window, not in the row.
    await programs.click();
    await expect(panel.getByRole('button', { name: 'Run the original' })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Watch a program…' })).toBeVisible();
    await sameRow();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(programs).toBeFocused();

    await lab.start(await freePort());
    await sameRow();
    await recordKeepsRow(page, sameRow);
    await lab.reset();
    await sameRow();
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
