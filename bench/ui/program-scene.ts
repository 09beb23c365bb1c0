/**
 * docs/program-original.png: Run the original — the seed itself under python3, traced —
 * with echo clients, then a half-closing client and the seed's own KeyError and traceback.
 */
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { startShell } from './shell';

export async function programScene(browser: Browser, root: string, out: string): Promise<void> {
  const shell = await startShell(root, { args: ['--allow-run'] });
  // Reduced motion: no chip caught halfway to its list in the picture.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  try {
    await page.goto(shell.url);
    await page.locator('[data-state="ready"]').waitFor();
    await page.getByRole('button', { name: 'Run the original' }).click();
    await page.getByRole('button', { name: 'Stop program' }).waitFor();
    await page
      .locator('.program-what')
      .getByText(/listening 127\.0\.0\.1:\d+/)
      .waitFor();
    const spawn = async (count: number, behaviour: string, size: number): Promise<void> => {
      await page.getByRole('textbox', { name: 'Clients', exact: true }).fill(String(count));
      await page.getByRole('combobox', { name: 'Behaviour' }).selectOption(behaviour);
      await page.getByRole('textbox', { name: 'Message size' }).fill(String(size));
      await page.getByRole('button', { name: 'Spawn', exact: true }).click();
    };
    await spawn(3, 'echo', 64);
    await page.getByText('3 verified').waitFor();
    // Halted while the half-closing client's bytes and FIN arrive: let go, the seed meets both at once.
    await page.getByRole('radio', { name: 'Step' }).check();
    await page.locator('[role="radiogroup"][data-mode="step"]').waitFor();
    await spawn(1, 'half-close', 16 * 1024);
    await page
      .getByRole('list', { name: 'clients' })
      .getByRole('listitem')
      .filter({ hasText: 'half-closed' })
      .waitFor();
    await page.locator('[aria-label="inputs"] [data-marks~="readable"]').first().waitFor();
    await page.getByRole('radio', { name: 'Run' }).check();
    await page.locator('.program-traceback').filter({ hasText: 'KeyError' }).waitFor();
    const path = join(out, 'program-original.png');
    await page.screenshot({ path });
    console.log(`wrote ${path}`);
  } finally {
    await page.close();
    shell.child.kill('SIGTERM');
  }
}
