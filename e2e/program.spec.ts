import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './pages/accessibility';
import { ClientsPanelPage } from './pages/ClientsPanelPage';
import { LabPage } from './pages/LabPage';
import { TeachingPage } from './pages/TeachingPage';
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
  const refusal = page.getByRole('alert').filter({ hasText: 'This shell runs no programs' });
  await expect(refusal).toContainText('--allow-run');
  await expect(lab.startServer).toBeVisible();
  // On a line of its own under the first row: Record and the counters keep their places.
  const counters = await page.getByRole('group', { name: 'Counters' }).boundingBox();
  const start = await lab.startServer.boundingBox();
  const note = await refusal.boundingBox();
  if (!counters || !start || !note) throw new Error('no box');
  expect(counters.y).toBeLessThan(start.y + start.height / 2);
  expect(counters.y + counters.height).toBeGreaterThan(start.y + start.height / 2);
  expect(note.y).toBeGreaterThanOrEqual(Math.max(start.y + start.height, counters.y + counters.height));
});

test('the desktop app keeps both actions in its Programs panel: a click on the row runs one, and a refusal shows under the row', async ({
  page,
}, info) => {
  // The desktop app's toolbar (labDesktop set by its preload), on this browser shell.
  await page.addInitScript('window.labDesktop = {}');
  const lab = new LabPage(page, info);
  await lab.open();
  const group = page.getByRole('group', { name: 'Real programs' });
  const programs = group.getByRole('button', { name: 'Programs' });
  await programs.click();
  const panel = page.getByRole('region', { name: 'Programs' });
  await expect(panel.getByRole('button', { name: 'Watch a program…' })).toBeVisible();
  // What it does, under its name, is part of the row: the button stretches over it.
  const what = await panel.getByText(/^Run the tutorial's server itself/).boundingBox();
  if (!what) throw new Error('the description has no box');
  await page.mouse.click(what.x + what.width / 2, what.y + what.height / 2);
  await expect(panel).toBeHidden();
  await expect(programs).toBeFocused();
  await expect(page.getByRole('alert').filter({ hasText: 'This shell runs no programs' })).toBeVisible();
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
  // Halted first: an echo client stopped with its echo still queued would otherwise crash the seed
  // now, of the same bug, before the client below reaches it.
  await lab.mode('Step');
  await clients.stopAll();
  // A client that sends 16 KiB and shuts its side at once. Halted (Step), the seed's kernel gets the bytes
  // and the FIN before it reads any: let go, it reads the lot, closes the socket in its readable loop at
  // the EOF, then looks its queue up in the writable one. (Running freely, a late FIN would spare it.)
  await clients.spawn(1, 'half-close', { size: 16 * 1024 });
  await expect(clients.list.getByRole('listitem').filter({ hasText: 'half-closed' })).toBeVisible();
  await expect(lab.list('inputs').locator('[data-marks~="readable"]')).not.toHaveCount(0);
  await lab.mode('Run');
  await expect(banner.locator('details')).toContainText('KeyError');
  await expect(banner).toContainText('The program exited with status 1');
  await expect(page.getByRole('button', { name: 'Start program' })).toBeVisible();
  await lab.shot('program-original-crashed');
  await page.getByRole('button', { name: 'Back to the lab’s engine' }).click();
  await expect(lab.startServer).toBeVisible();
  await expect(banner).toHaveCount(0);
});

test('npm run trace: an asyncio server of one’s own, its epoll() loop in the window beside its own source', async ({
  page,
}, info) => {
  const fixture = join(import.meta.dirname, '../electron/tracer/fixtures/asyncio_echo.py');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/tracer/trace-cli.ts', 'python3', fixture],
    {
      cwd: join(import.meta.dirname, '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    let printed = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        printed += chunk.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(printed)?.[0];
        if (found) resolve(found);
      });
      child.once('exit', (code) => reject(new Error(`npm run trace exited (${code}): ${printed}`)));
    });
    await page.goto(url);
    const lab = new LabPage(page, info);
    await expect(lab.root).toHaveAttribute('data-state', 'ready');
    await expect(page.getByText(/Watching python3 .*asyncio_echo\.py/)).toBeVisible();
    const clients = new ClientsPanelPage(page);
    await clients.spawn(3, 'echo', { size: 64, intervalMs: 100 });
    await expect(clients.verified).toHaveText('3 verified');
    await expect(page.getByRole('region', { name: 'The program' })).toContainText('one call of its epoll()');
    const source = page.getByRole('list', { name: 'Program source' });
    await expect(source).toContainText('asyncio.start_server');
    await expect(source.locator('[aria-current="step"]')).toContainText('asyncio.run(main())');
    await lab.shot('program-asyncio');
  } finally {
    child.kill('SIGINT');
  }
});

test('Predict on the real seed: halted before its select(), marked, revealed by one pass of its loop', async ({
  page,
}, info) => {
  shell = await startServe(await freePort(), runtime, ['--allow-run']);
  await page.goto(shell.url);
  const lab = new LabPage(page, info);
  const teach = new TeachingPage(page);
  await expect(lab.root).toHaveAttribute('data-state', 'ready');
  await lab.mode('Step'); // the original starts halted before its first select()
  await page.getByRole('button', { name: 'Run the original' }).click();
  await expect(page.locator('.program-what').getByText(/listening 127\.0\.0\.1:\d+/)).toBeVisible();
  const clients = new ClientsPanelPage(page);
  await clients.spawn(1, 'echo', { size: 100, intervalMs: 200 });
  await teach.predict.click();
  // The listener has a connection waiting: readable is right, exceptional is wrong.
  const listener = lab.list('inputs').getByRole('listitem').first();
  await listener.getByRole('button', { name: 'readable' }).click();
  await listener.getByRole('button', { name: 'exceptional' }).click();
  await teach.reveal.click();
  // A whole pass ran (a real program is not halted between its lines): the verdicts are the score's.
  await expect(teach.score).toContainText('1 right · 1 wrong · 0 missed');
  await expect(teach.score).toContainText('Last reveal, iteration 1');
  await expect(lab.list('inputs')).toHaveAttribute('data-count', '2'); // the pass accepted it
  await teach.predict.click();
  await page.getByRole('button', { name: 'Stop program' }).click();
});
