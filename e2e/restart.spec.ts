import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServe, type ServeProcess } from './pages/serve-process';
import { freePort } from './pages/tcp';

let runtime: string;
const shells: ServeProcess[] = [];

test.beforeEach(() => {
  runtime = mkdtempSync(join(tmpdir(), 'socket-lab-restart-'));
});

test.afterEach(async () => {
  for (const shell of shells.splice(0)) await shell.stop();
  rmSync(runtime, { recursive: true, force: true });
});

async function serve(port: number, args: string[] = []): Promise<ServeProcess> {
  const shell = await startServe(port, runtime, args);
  shells.push(shell);
  return shell;
}

test('a restarted browser shell keeps its token: the open tab reconnects by itself', async ({ page }) => {
  const port = await freePort();
  const first = await serve(port);
  const root = page.locator('[data-state]').first();
  await page.goto(first.url);
  await expect(root).toHaveAttribute('data-state', 'ready');
  // Marks this very page: a reload would lose it.
  await page.evaluate('window.sameTab = true');

  await first.stop();
  await expect(root).toHaveAttribute('data-state', 'lost');
  await expect(page.getByRole('alert', { name: 'Connection lost' })).toContainText('Reconnecting');

  const second = await serve(port);
  expect(second.url).toBe(first.url);
  await expect(root).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
  await expect(page.getByRole('alert', { name: 'Connection lost' })).toHaveCount(0);
  expect(await page.evaluate('window.sameTab')).toBe(true);
  await page.getByRole('textbox', { name: 'Port' }).fill(String(await freePort()));
  await page.getByRole('button', { name: 'Start Server' }).click();
  await expect(page.getByRole('button', { name: 'Stop Server' })).toBeVisible();
});

test('a lab that does not come back where it was: after a while the banner says where else to look', async ({
  page,
}) => {
  const first = await serve(await freePort());
  const root = page.locator('[data-state]').first();
  await page.goto(first.url);
  await expect(root).toHaveAttribute('data-state', 'ready');
  await first.stop();
  const banner = page.getByRole('alert', { name: 'Connection lost' });
  await expect(banner).toContainText('Reconnecting');
  await expect(banner).not.toContainText('Still no answer');
  const host = new URL(first.url).host;
  await expect(banner).toContainText(
    `Still no answer at ${host}: if the lab started again on another port (--port 0 picks a new one each time), open the address it printed.`,
    { timeout: 15_000 },
  );
});

test('a tab whose token is refused after --new-token says so, and how to get the new URL', async ({
  page,
}) => {
  const port = await freePort();
  const first = await serve(port);
  const root = page.locator('[data-state]').first();
  await page.goto(first.url);
  await expect(root).toHaveAttribute('data-state', 'ready');

  await first.stop();
  const rotated = await serve(port, ['--new-token']);
  expect(rotated.url).not.toBe(first.url);
  await expect(root).toHaveAttribute('data-state', 'refused', { timeout: 15_000 });
  const banner = page.getByRole('alert', { name: 'Token refused' });
  await expect(banner).toContainText('no longer accepts this page’s token');
  await expect(banner).toContainText(`npm run serve -- --print-url --port ${port}`);

  await page.goto(rotated.url);
  await expect(root).toHaveAttribute('data-state', 'ready');
});
