import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './pages/accessibility';
import { ClientsPanelPage } from './pages/ClientsPanelPage';
import { LabPage } from './pages/LabPage';
import { startServe, type ServeProcess } from './pages/serve-process';
import { freePort } from './pages/tcp';

/** A real program in the engine's place: the seed itself, run by python3 under the tracer. */
let runtime: string;
let shell: ServeProcess | null = null;

test.beforeEach(() => {
  runtime = mkdtempSync(join(tmpdir(), 'socket-lab-program-'));
});

test.afterEach(async () => {
  await shell?.stop();
  shell = null;
  rmSync(runtime, { recursive: true, force: true });
});

test('the browser shell runs no programs unless started with --allow-run, and says so', async ({
  page,
}, info) => {
  const lab = new LabPage(page, info);
  await lab.open();
  await page.getByRole('button', { name: 'Run the original' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'This shell runs no programs' })).toContainText(
    '--allow-run',
  );
  await expect(lab.startServer).toBeVisible();
});

test('Run the original: the seed itself, traced — its real loop in the window, then its real crash and traceback', async ({
  page,
}, info) => {
  shell = await startServe(await freePort(), runtime, ['--allow-run']);
  await page.goto(shell.url);
  const lab = new LabPage(page, info);
  await expect(lab.root).toHaveAttribute('data-state', 'ready');
  await page.getByRole('button', { name: 'Run the original' }).click();
  const banner = page.getByRole('region', { name: 'The program' });
  await expect(banner).toContainText('A real program, not the lab’s engine');
  await expect(page.getByRole('button', { name: 'Stop program' })).toBeVisible();
  await expect(page.getByText(/Watching python3 .*seed\.py/)).toBeVisible();
  const listening = page.locator('.program-what').getByText(/listening 127\.0\.0\.1:(\d+)/);
  await expect(listening).toBeVisible();
  // The lab's own clients target the program: five echo clients, verified byte for byte.
  const clients = new ClientsPanelPage(page);
  await clients.spawn(5, 'echo', { size: 100, intervalMs: 200 });
  await expect(clients.verified).toHaveText('5 verified');
  await expect(lab.list('inputs')).toHaveAttribute('data-count', '6');
  await expect(banner).toContainText('one call of its select.select()');
  await lab.shot('program-original-running');
  await expectAccessible(page, 'watching the original');
  await clients.stopAll();
  // A client that sends 16 KiB and shuts its side at once: by the last recv(1024) the FIN is in, and the
  // real seed closes the socket in its readable loop, then looks up its queue in the writable one.
  await clients.spawn(1, 'half-close', { size: 16 * 1024 });
  await expect(banner.locator('details')).toContainText('KeyError');
  await expect(banner).toContainText('The program exited with status 1');
  await expect(page.getByRole('button', { name: 'Start program' })).toBeVisible();
  await lab.shot('program-original-crashed');
  await page.getByRole('button', { name: 'Back to the lab’s engine' }).click();
  await expect(lab.startServer).toBeVisible();
  await expect(banner).toHaveCount(0);
});
