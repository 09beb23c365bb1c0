import { open, readFile, writeFile, mkdtemp, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './pages/accessibility';
import { headlessSession } from './pages/headless';
import { KeyboardUser } from './pages/KeyboardUser';
import { LabPage } from './pages/LabPage';
import { ReplayPage } from './pages/ReplayPage';
import { freePort } from './pages/tcp';

/**
 * Issue 12: the headless server's files open in the window (its --log jsonl, rebuilt from
 * the start; its --record), by picker or by drop; Run plays them; every bad file is refused
 * with what is wrong and where, and the live lab goes on untouched.
 */
let lab: LabPage;
let replay: ReplayPage;
let dir: string;
let files: { log: string; recording: string };

test.use({ viewport: { width: 1280, height: 800 } });

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'socket-lab-replay-files-'));
  files = await headlessSession(dir, { clients: 2, messages: 6 });
});

test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test.beforeEach(async ({ page }, testInfo) => {
  lab = new LabPage(page, testInfo);
  replay = new ReplayPage(page);
  await lab.open();
  await lab.reset();
});

test.afterEach(async () => {
  if (await replay.close.isVisible()) await replay.close.click();
  await lab.reset();
});

test("the headless server's --log jsonl opens: no snapshots, the state rebuilt from the start", async ({
  page,
}) => {
  await replay.openReplay(files.log);
  await expect(replay.banner).toContainText(
    'every panel shows the log server.jsonl, its state rebuilt from its records',
  );
  await expect(replay.problems).toBeHidden();
  await replay.expectAt(0);
  await replay.scrubber.focus();
  await page.keyboard.press('End');
  const last = Number(await replay.scrubber.getAttribute('max'));
  await replay.expectAt(last);
  // Two clients, six lines each of 21 bytes, all echoed, both gone.
  await expect(lab.counters).toContainText('252 Bbytes in252 Bbytes out');
  await expect(lab.counters).toContainText('0connections');
  await expect(lab.list('inputs')).toHaveAttribute('data-count', '1');
  // Back to where both were connected: their chips, as the log's accepts named them.
  await replay.goTo.fill('4');
  await replay.go.click();
  await replay.expectAt(4);
  await expect(lab.list('inputs').getByRole('listitem')).toHaveCount(3);
  await expect(lab.list('inputs').getByRole('listitem').nth(1)).toHaveText(/^#1 fd 4 127\.0\.0\.1:\d+/);
});

test('a recording dropped on the window opens; Run plays it at its pace to the end', async ({ page }) => {
  const bytes = [...(await readFile(files.recording))];
  const transfer = await page.evaluateHandle(
    `(() => { const t = new DataTransfer(); t.items.add(new File([new Uint8Array(${JSON.stringify(bytes)})], 'headless.slrec.gz')); return t; })()`,
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await expect(page.locator('[data-dragging]')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(replay.bar).toBeVisible();
  await expect(replay.banner).toContainText('headless.slrec.gz, recorded');
  await replay.speed.selectOption('10');
  const last = await replay.scrubber.getAttribute('max');
  await expect(replay.bar).toHaveAttribute('data-position', '0');
  await page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'Run' }).click();
  await expect(replay.bar).toHaveAttribute('data-position', last ?? '');
  // At the end it pauses, as Step.
  await expect(replay.bar).toHaveAttribute('data-mode', 'step');
  await expect(page.getByRole('radiogroup', { name: 'Mode' })).toHaveAttribute('data-mode', 'step');
});

test('the replay bar says which mode the file ran in', async () => {
  await replay.openReplay(files.recording);
  await expect(replay.bar.locator('.replay-fidelity')).toHaveText('Here it ran in Safe mode: no byte lost.');
  await replay.close.click();
  const tutorial = await headlessSession(dir, { clients: 1, messages: 2, fidelity: 'tutorial' });
  await replay.openReplay(tutorial.recording);
  await expect(replay.bar.locator('.replay-fidelity')).toHaveText(
    'Here it ran in Tutorial mode: the seed’s bugs as written.',
  );
});

test('bad files: what is wrong and where, and the live lab goes on untouched', async ({ page }) => {
  test.setTimeout(90_000);
  const port = await freePort();
  await lab.start(port);
  await lab.mode('Step');
  const iteration = await lab.counters.getAttribute('data-iteration');
  const whole = await readFile(files.recording);
  const lines = gunzipSync(whole).toString().split('\n');
  const bad: [string, string | Buffer, RegExp][] = [
    [
      'notes.txt',
      'Tuesday: bring the projector\n',
      /^Not opened\. notes\.txt is not a Socket Lab recording or --log jsonl file: Line 1 is not JSON \(/,
    ],
    [
      'package.json',
      '{"name":"x","version":"1.0.0"}\n',
      /: Line 1 is not a valid iteration record: n: missing \(expected number\)\./,
    ],
    [
      'newer.jsonl',
      [JSON.stringify({ ...JSON.parse(lines[0] ?? ''), version: 3, lab: '3.0.0' }), ...lines.slice(1)].join(
        '\n',
      ),
      /This is a version 3 recording \(written by Socket Lab 3\.0\.0\); this Socket Lab reads version 2\. Update Socket Lab to open it\./,
    ],
    ['empty.slrec.gz', '', /^Not opened\. empty\.slrec\.gz is empty\./],
  ];
  for (const [name, content, message] of bad) {
    const path = join(dir, name);
    await writeFile(path, content);
    await replay.open(path);
    await expect(replay.notOpened).toContainText(message);
    await expect(page.locator('[data-source="live"]')).toBeVisible();
    await expect(lab.stopServer).toBeVisible();
    await expect(lab.counters).toHaveAttribute('data-iteration', iteration ?? '');
  }
  await expectAccessible(page, 'a file refused');
  // 2 GB of garbage (a sparse file): refused after reading a few MiB.
  const garbage = join(dir, 'garbage.bin');
  await (await open(garbage, 'w')).close();
  await truncate(garbage, 2 * 1024 ** 3);
  await replay.open(garbage);
  await expect(replay.notOpened).toContainText(
    'garbage.bin is not a Socket Lab recording or --log jsonl file: line 1 runs past 8 MiB without ending.',
  );
  await expect(lab.stopServer).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await expect(replay.notOpened).toBeHidden();
  // Cut short: it opens, says so, and holds what was written whole.
  const cut = join(dir, 'cut.slrec.gz');
  await writeFile(cut, whole.subarray(0, whole.length - 20));
  await replay.openReplay(cut);
  await expect(replay.problems).toContainText(/cut short|no end line/);
  await expectAccessible(page, 'replay of a file cut short');
  await replay.close.click();
  await expect(lab.counters).toHaveAttribute('data-iteration', iteration ?? '');
});

test('the replay by keyboard alone: every control reachable, named and ringed', async ({ page }) => {
  await replay.openReplay(files.recording);
  const user = new KeyboardUser(page);
  await user.watchPointer();
  await user.tabTo(replay.stepBack, { backwards: false });
  await expect(replay.stepBack).toHaveAttribute('aria-disabled', 'true'); // at the start
  await user.tabTo(lab.step);
  await user.press('Enter');
  await user.press('Enter');
  await replay.expectAt(2);
  await user.press('KeyB');
  await replay.expectAt(1);
  await user.press('Shift+KeyB');
  await expect(replay.bar).toHaveAttribute('data-done', /[1-9]/);
  await user.tabTo(replay.scrubber);
  await user.press('End');
  await expect(replay.bar).toHaveAttribute(
    'data-position',
    (await replay.scrubber.getAttribute('max')) ?? '',
  );
  await user.tabTo(replay.goTo);
  await user.replaceText('3');
  await user.press('Enter');
  await replay.expectAt(3);
  await user.tabTo(replay.speed);
  await user.tabTo(replay.close);
  await user.press('Enter');
  await expect(page.locator('[data-source="live"]')).toBeVisible();
  await user.assertNoPointer();
});
