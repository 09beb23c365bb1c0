/**
 * `npm run screenshot`: the README's pictures of the real window (light and dark), taken
 * from the browser shell with a few real TCP clients halted mid-echo in Step mode, the
 * same window after its shell restarted with a new token, and the scenes of select() as
 * the kernel sees it (kernel-scenes.ts), and Record and replay (replay-scenes.ts).
 */
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { KERNEL_SCENES, type Scene } from './kernel-scenes';
import { TEACHING_SCENES, type TeachingScene } from './teaching-scenes';
import { programScene } from './program-scene';
import { replayScenes } from './replay-scenes';
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

/** The same window after its shell came back with a new token (--new-token): the banner says what to do. */
async function tokenRefused(browser: Browser): Promise<void> {
  const runtimeDir = mkdtempSync(join(tmpdir(), 'socket-lab-shot-'));
  const port = await freePort();
  const first = await startShell(root, { port, runtimeDir });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(first.url);
  await page.locator('[data-state="ready"]').waitFor();
  const clients = await stage(page, await freePort());
  first.child.kill('SIGTERM');
  await once(first.child, 'exit');
  const second = await startShell(root, { port, runtimeDir, args: ['--new-token'] });
  await page.locator('[data-state="refused"]').waitFor({ timeout: 15_000 });
  const path = join(out, 'token-refused.png');
  await page.screenshot({ path });
  console.log(`wrote ${path}`);
  for (const client of clients) client.destroy();
  await page.close();
  second.child.kill('SIGTERM');
  rmSync(runtimeDir, { recursive: true, force: true });
}

/** One scene of kernel-scenes.ts, on a started server of its own. */
async function kernelScene(browser: Browser, scene: Scene): Promise<void> {
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

/** One teaching scene, at 1440 × 900, on a started server of its own. */
async function teachingScene(browser: Browser, scene: TeachingScene): Promise<void> {
  const shell = await startShell(root);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(shell.url);
  await page.locator('[data-state="ready"]').waitFor();
  await page.getByRole('textbox', { name: 'Port' }).fill(String(await freePort()));
  await page.getByRole('button', { name: 'Start Server' }).click();
  await page.getByRole('button', { name: 'Stop Server' }).waitFor();
  await scene.stage(page);
  const path = join(out, scene.file);
  await page.screenshot({ path });
  console.log(`wrote ${path}`);
  await page.close();
  shell.child.kill('SIGTERM');
}

/** `npm run screenshot [-- window window-dark token-refused kernel-reset …]`: the named shots, or all of them. */
async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const wanted = process.argv.slice(2);
  const want = (name: string): boolean => wanted.length === 0 || wanted.includes(name);
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await chromium.launch({
    executablePath: existsSync(executablePath) ? executablePath : undefined,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    if (want('token-refused')) await tokenRefused(browser);
    // The same staged window: light and dark at the desktop app's size, and on a 1024 × 768 projector.
    const windows = [
      { name: 'window', scheme: 'light', viewport: { width: 1280, height: 800 } },
      { name: 'window-dark', scheme: 'dark', viewport: { width: 1280, height: 800 } },
      { name: 'window-projector', scheme: 'light', viewport: { width: 1024, height: 768 } },
    ] as const;
    for (const { name, scheme, viewport } of windows) {
      if (!want(name)) continue;
      const shell = await startShell(root);
      const page = await browser.newPage({ viewport, colorScheme: scheme });
      await page.goto(shell.url);
      await page.locator('[data-state="ready"]').waitFor();
      const clients = await stage(page, await freePort());
      const path = join(out, `${name}.png`);
      await page.screenshot({ path });
      console.log(`wrote ${path}`);
      for (const client of clients) client.destroy();
      await page.close();
      shell.child.kill('SIGTERM');
    }
    for (const scene of KERNEL_SCENES)
      if (want(scene.file.replace(/\.png$/, ''))) await kernelScene(browser, scene);
    for (const scene of TEACHING_SCENES)
      if (want(scene.file.replace(/\.png$/, ''))) await teachingScene(browser, scene);
    if (want('program-original')) await programScene(browser, root, out);
    await replayScenes(browser, root, out, want);
  } finally {
    await browser.close();
  }
}

await main();
