import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './pages/accessibility';
import { ClientsPanelPage } from './pages/ClientsPanelPage';
import { LabPage } from './pages/LabPage';
import { ReplayPage, type WindowState } from './pages/ReplayPage';
import { TeachingPage } from './pages/TeachingPage';
import { freePort } from './pages/tcp';

/**
 * Issue 12: record a live session, open it, step forward and back, and see again exactly
 * what the live window showed; a headless log opens the same way.
 */
let lab: LabPage;
let replay: ReplayPage;
let fleet: ClientsPanelPage;
let dir: string;

test.use({ viewport: { width: 1280, height: 800 } });

test.beforeEach(async ({ page }, testInfo) => {
  lab = new LabPage(page, testInfo);
  replay = new ReplayPage(page);
  fleet = new ClientsPanelPage(page);
  dir = await mkdtemp(join(tmpdir(), 'socket-lab-replay-e2e-'));
  await lab.open();
  await fleet.stopAll();
  await lab.reset();
});

test.afterEach(async () => {
  if (await replay.close.isVisible()) await replay.close.click();
  await fleet.stopAll();
  await lab.reset();
  await rm(dir, { recursive: true, force: true });
});

/** Halted in Step: waits until select() would return something, so the next Step has work. */
async function readyToStep(): Promise<void> {
  await expect(lab.page.locator('[data-marks]:not([data-marks=""])').first()).toBeVisible();
}

test('record a live session with clients; the replay steps forward and back through the same states', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await lab.start(await freePort());
  await lab.mode('Step');
  await fleet.spawn(3, 'echo', { size: 100, intervalMs: 20 });
  await readyToStep();
  await replay.record.click();
  await expect(replay.stopRecording).toBeVisible();
  await expect(replay.recordingProgress).toBeVisible();
  await expectAccessible(page, 'recording');
  // What the live window shows: before the first step, after each Step, after each Step action.
  const live: WindowState[] = [await replay.state()];
  const iteration = async (): Promise<number> => Number(await lab.counters.getAttribute('data-iteration'));
  const start = await iteration();
  const stepLive = async (): Promise<void> => {
    await readyToStep();
    const before = await iteration();
    await lab.step.click();
    await expect(lab.counters).toHaveAttribute('data-iteration', String(before + 1));
    live.push(await replay.state());
  };
  for (let i = 0; i < 6; i++) await stepLive();
  await readyToStep();
  for (let i = 0; i < 3; i++) {
    await lab.stepAction.click();
    await expect(lab.currentAction).toBeVisible();
    await expect.poll(async () => (await replay.state()).action).not.toBe(live.at(-1)?.action);
    live.push(await replay.state());
  }
  await lab.step.click(); // the rest of that iteration
  await expect(lab.currentAction).toBeHidden();
  live.push(await replay.state());
  for (let i = 0; i < 3; i++) await stepLive();
  await replay.stopRecording.click();
  await expect(replay.record).toBeVisible();

  // The file, as a user gets it: downloaded (from the last recording's panel), then opened with Open recording….
  await replay.showLastRecording();
  await expectAccessible(page, 'last recording shown');
  const download = page.waitForEvent('download');
  await replay.download.click();
  const file = join(dir, (await download).suggestedFilename());
  await (await download).saveAs(file);
  await replay.openReplay(file);
  await expect(replay.banner).toContainText('Replay — no sockets: every panel shows socket-lab-');
  await expect(page.locator('[data-source="replay"]')).toBeVisible();
  await expect(page.locator('[data-fleet="replay"]')).toBeVisible();
  // The mode each iteration ran in, said by the bar, not a switch to refuse; nothing called live.
  await expect(page.getByRole('switch', { name: 'Tutorial mode' })).toHaveCount(0);
  await expect(replay.bar.locator('.replay-fidelity')).toHaveText('Here it ran in Safe mode: no byte lost.');
  await expect(page.getByRole('button', { name: 'Current', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Live', exact: true })).toHaveCount(0);
  await expectAccessible(page, 'replay banner shown');

  // Forward, in the same steps: the same states.
  await replay.expectAt(start);
  expect(await replay.state()).toEqual(live[0]);
  const seen = [await replay.state()];
  const stepReplay = async (button: 'step' | 'stepAction'): Promise<void> => {
    const before = await replay.state();
    await lab[button].click();
    await expect.poll(() => replay.state()).not.toEqual(before);
    seen.push(await replay.state());
  };
  for (let i = 0; i < 6; i++) await stepReplay('step');
  for (let i = 0; i < 3; i++) await stepReplay('stepAction');
  await stepReplay('step');
  for (let i = 0; i < 3; i++) await stepReplay('step');
  expect(seen).toEqual(live);

  // Back, a Step back at a time (each a seek from the nearest snapshot): the same states again.
  for (let n = start + 10; n >= start + 7; n--) {
    await replay.stepBack.click();
    await replay.expectAt(n - 1);
  }
  expect(await replay.state()).toEqual(live[6]);
  await expectAccessible(page, 'replay stepped back');
  // Into the iteration Step action ran live, then back out of it an action at a time.
  for (const index of [7, 8, 9]) {
    await lab.stepAction.click();
    await replay.expectAt(start + 6, index - 6);
    expect(await replay.state()).toEqual(live[index]);
  }
  for (const index of [8, 7, 6]) {
    await replay.stepActionBack.click();
    await replay.expectAt(start + 6, index - 6);
    expect(await replay.state()).toEqual(live[index]);
  }

  // The scrubber, and Go to.
  await replay.scrubber.focus();
  await page.keyboard.press('Home');
  await replay.expectAt(start);
  expect(await replay.state()).toEqual(live[0]);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await replay.expectAt(start + 2);
  expect(await replay.state()).toEqual(live[2]);
  await expectAccessible(page, 'replay scrubbing');
  await replay.goTo.fill(String(start + 4));
  await replay.go.click();
  await replay.expectAt(start + 4);
  expect(await replay.state()).toEqual(live[4]);

  // Predict works on a replay as live: the answer hidden, then Reveal judges against the file.
  const teaching = new TeachingPage(page);
  await teaching.predict.click();
  await expect(lab.list('inputs').locator('[data-marks]')).toHaveCount(0);
  await teaching.reveal.click();
  await expect(teaching.score).toContainText(/^0 right · 0 wrong · [1-9]\d* missed/);
  await expect(lab.page.locator('[data-verdict$=":missed"]').first()).toBeVisible();
  await teaching.predict.click();

  // Run until, in the file: it searches forward and halts right after the action that met it.
  await teaching.runUntilCondition.selectOption({ label: 'queue passes N bytes' });
  await page.getByRole('textbox', { name: 'Bytes' }).fill('50');
  await teaching.runUntilButton.click();
  await expect(teaching.halted).toContainText(
    /Halted in iteration \d+: #\d+'s queue holds 100 B \(run until a queue passes 50 B\)/,
  );
  await expect(replay.bar).toHaveAttribute('data-mode', 'step');
  await expect(replay.bar).not.toHaveAttribute('data-done', '0');
  const haltedAt = Number(await replay.bar.getAttribute('data-position'));
  expect(haltedAt).toBeGreaterThanOrEqual(start + 4);
  // Step carries on from there, and the halt's note goes with it.
  await lab.step.click();
  await replay.expectAt(haltedAt + 1);
  await expect(teaching.halted).toBeHidden();
  // Iteration N goes straight there; one behind is refused with what to do instead.
  await teaching.runUntilCondition.selectOption({ label: 'iteration N' });
  await page.getByRole('textbox', { name: 'Iteration', exact: true }).fill(String(start + 9));
  await teaching.runUntilButton.click();
  await expect(teaching.halted).toContainText(
    `Halted in iteration ${start + 9}: iteration ${start + 9} called select()`,
  );
  await replay.expectAt(start + 8, 1);
  await page.getByRole('textbox', { name: 'Iteration', exact: true }).fill(String(start + 2));
  await teaching.runUntilButton.click();
  await expect(page.getByRole('form', { name: 'Run until' })).toContainText(
    `Iteration ${start + 2} is behind this point (iteration ${start + 8}): go to it, or pick a later one.`,
  );
  // What never happens is searched for to the end of the file, and said so.
  await teaching.runUntilCondition.selectOption({ label: 'socket enters exceptional' });
  await teaching.runUntilButton.click();
  await expect(
    page.getByText('Run until reached the end of the recording: a socket enters exceptional did not happen.'),
  ).toBeVisible();
  await replay.expectAt(start + 10);

  // Close: the live lab, untouched all along.
  await replay.close.click();
  await expect(page.locator('[data-source="live"]')).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Tutorial mode' })).toBeEnabled();
  await expect(lab.stopServer).toBeVisible();
  await expect(lab.counters).toHaveAttribute('data-iteration', String(start + 10));
});
