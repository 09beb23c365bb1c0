/**
 * The pictures of Record and replay (docs/record.png, docs/replay.png, docs/replay-refused.png):
 * a real session recorded from the window, then opened, stepped to a busy moment, one
 * connection's queue shown; and a file the window refuses.
 */
import { writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { freePort, startShell } from './shell';

const open = (port: number): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => resolve(socket));
    socket.once('error', reject);
  });

const shoot = async (page: Page, path: string): Promise<void> => {
  await page.screenshot({ path });
  console.log(`wrote ${path}`);
};

/** Four clients that talk for a while: short lines, and one 3,000-byte message that recv(1024) chunks. */
async function talk(port: number): Promise<Socket[]> {
  const clients = await Promise.all([open(port), open(port), open(port), open(port)]);
  for (let round = 0; round < 6; round++) {
    clients.forEach((c, i) =>
      c.write(i === 3 && round === 2 ? 'x'.repeat(3000) : `round ${round} from client ${i + 1}\n`),
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return clients;
}

export async function replayScenes(
  browser: Browser,
  root: string,
  out: string,
  want: (name: string) => boolean,
): Promise<void> {
  if (!['record', 'replay', 'replay-refused'].some(want)) return;
  const shell = await startShell(root);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(shell.url);
    await page.locator('[data-state="ready"]').waitFor();
    const port = await freePort();
    await page.getByRole('textbox', { name: 'Port' }).fill(String(port));
    await page.getByRole('button', { name: 'Start Server' }).click();
    await page.getByRole('button', { name: 'Stop Server' }).waitFor();
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    const clients = await talk(port);
    await page.getByLabel('Recording so far').filter({ hasNotText: /^0 B/ }).waitFor();
    if (want('record')) await shoot(page, join(out, 'record.png'));
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await page.getByRole('button', { name: /^Last recording: / }).click();
    await page.getByRole('button', { name: /^Open socket-lab-/ }).click();
    await page.getByRole('region', { name: 'Replay' }).waitFor();
    // Step to a busy moment: three sockets with queues in outputs.
    const outputs = page.getByRole('list', { name: 'outputs', exact: true });
    for (let i = 0; i < 80 && Number(await outputs.getAttribute('data-count')) < 3; i++)
      await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.getByRole('button', { name: 'Step action', exact: true }).click();
    await page.getByRole('button', { name: 'Step action', exact: true }).click();
    // A socket whose queue still holds a message: the picture shows its queue by size.
    await outputs
      .getByRole('button')
      .filter({ hasText: /q [1-9]/ })
      .first()
      .click();
    await page.getByRole('list', { name: 'Queue' }).waitFor();
    if (want('replay')) await shoot(page, join(out, 'replay.png'));
    await page.getByRole('button', { name: 'Close replay' }).click();
    for (const client of clients) client.destroy();
    if (want('replay-refused')) {
      const file = join(out, '..', 'node_modules', '.cache', 'notes.json');
      writeFileSync(file, JSON.stringify({ title: 'Tuesday', bring: ['projector', 'cables'] }, null, 2));
      await page.setInputFiles('[data-testid="recording-file"]', file);
      await page.getByRole('alert', { name: 'Recording not opened' }).waitFor();
      await shoot(page, join(out, 'replay-refused.png'));
    }
  } finally {
    await page.close();
    shell.child.kill('SIGTERM');
  }
}
