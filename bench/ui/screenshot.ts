/**
 * `npm run screenshot`: the README's pictures of the real window, taken from the browser
 * shell with real TCP clients: the window halted mid-echo in Step mode (light and dark),
 * then the scenes of select() as the kernel sees it (kernel-scenes.ts).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { KERNEL_SCENES } from './kernel-scenes';
import { freePort, startShell } from './shell';

const root = join(import.meta.dirname, '../..');
const out = join(root, 'docs');

const open = (port: number): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => resolve(socket));
    socket.once('error', reject);
  });

async function stage(page: Page, port: number): Promise<Socket[]> {
  await page.getByRole('textbox', { name: 'Port' }).fill(String(port));
  await page.getByRole('button', { name: 'Start Server' }).click();
  await page.getByRole('button', { name: 'Stop Server' }).waitFor();
  const clients: Socket[] = [];
  for (let i = 0; i < 6; i += 1) clients.push(await open(port));
  const inputs = page.getByRole('list', { name: 'inputs', exact: true });
  await page.locator('[role="list"][aria-label="inputs"][data-count="7"]').waitFor();
  await page.getByRole('radio', { name: 'Step' }).check();
  clients.slice(0, 3).forEach((c, i) => c.write(`hello from client ${i + 1}\n`));
  await page.locator('[aria-label="inputs"] [data-marks~="readable"]').nth(2).waitFor();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.locator('[role="list"][aria-label="outputs"][data-count="3"]').waitFor();
  clients[3]?.write('and one more\n');
  await page.getByRole('button', { name: 'Step action' }).click();
  await page.getByRole('button', { name: 'Step action' }).click();
  await page.getByRole('list', { name: 'outputs', exact: true }).getByRole('button').nth(1).click();
  await page.getByRole('list', { name: 'Queue' }).waitFor();
  await inputs.hover({ position: { x: 5, y: 5 } });
  return clients;
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await chromium.launch({
    executablePath: existsSync(executablePath) ? executablePath : undefined,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    for (const scheme of ['light', 'dark'] as const) {
      const shell = await startShell(root);
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
      await page.goto(shell.url);
      await page.locator('[data-state="ready"]').waitFor();
      const clients = await stage(page, await freePort());
      const path = join(out, scheme === 'light' ? 'window.png' : 'window-dark.png');
      await page.screenshot({ path });
      console.log(`wrote ${path}`);
      for (const client of clients) client.destroy();
      await page.close();
      shell.child.kill('SIGTERM');
    }
    for (const scene of KERNEL_SCENES) {
      const shell = await startShell(root);
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(shell.url);
      await page.locator('[data-state="ready"]').waitFor();
      const port = await freePort();
      await page.getByRole('textbox', { name: 'Port' }).fill(String(port));
      await page.getByRole('button', { name: 'Start Server' }).click();
      await page.getByRole('button', { name: 'Stop Server' }).waitFor();
      const clients = await scene.stage(page, port);
      const path = join(out, scene.file);
      await page.screenshot({ path });
      console.log(`wrote ${path}`);
      for (const client of clients) client.destroy();
      await page.close();
      shell.child.kill('SIGTERM');
    }
  } finally {
    await browser.close();
  }
}

await main();
