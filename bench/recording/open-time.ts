/**
 * `npm run bench:open -- FILE`: how long the window takes from a file chosen to the first
 * frame of its replay, in the real window (the browser shell, Chromium), measured in the
 * page between the marks `replay:open` and `replay:first-frame`. Not a test: it prints figures.
 * Make a large recording first with `npm run bench:recording -- --clients 1000 --until-mb 50 --out FILE`.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startShell } from '../ui/shell';

const root = join(import.meta.dirname, '../..');
const [file, runsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: npm run bench:open -- FILE [runs]');
  process.exit(2);
}
const runs = Number(runsArg ?? 5);
const { child, url } = await startShell(root);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const size = (await stat(file)).size;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await page.locator('[data-state="ready"]').waitFor();
    await page.setInputFiles('[data-testid="recording-file"]', file);
    await page.waitForFunction(() => performance.getEntriesByName('replay:first-frame').length > 0, null, {
      timeout: 60_000,
    });
    const ms = (await page.evaluate(
      () => performance.measure('open', 'replay:open', 'replay:first-frame').duration,
    )) as number;
    const last = await page.getByRole('slider', { name: 'Position in the recording' }).getAttribute('max');
    times.push(ms);
    console.log(`  run ${i + 1}: first frame after ${ms.toFixed(0)} ms (iterations up to ${last})`);
    await page.close();
  }
  times.sort((a, b) => a - b);
  console.log(
    `${file}: ${(size / 1e6).toFixed(1)} MB. Time to the first frame: median ${times[Math.floor(times.length / 2)]?.toFixed(0)} ms, ` +
      `best ${times[0]?.toFixed(0)} ms, worst ${times.at(-1)?.toFixed(0)} ms (target < 2,000 ms).`,
  );
} finally {
  await browser.close();
  child.kill('SIGINT');
}
