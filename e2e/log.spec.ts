import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { useTeachingLab } from './pages/teaching-lab';
import { freePort, openClient } from './pages/tcp';

/** Issue 11: the Log panel, and the user's Close and Reset of a connection, recorded in it. */
const t = useTeachingLab();

test('the Log: every action with its time, searched, filtered by socket and kind, exported as text', async ({
  page,
}) => {
  const port = await freePort();
  await t.lab.start(port);
  const one = await openClient(port);
  const two = await openClient(port);
  t.clients.push(one, two);
  one.socket.write('hello');
  two.socket.write('world');
  await one.waitForEcho('hello');
  await two.waitForEcho('world');
  await t.teach.logTab.click();
  const rows = t.teach.log.getByRole('button');
  // The oldest rows are out of view (the list is virtualized): the search finds them.
  await t.teach.searchLog.fill('accept #1');
  await expect(rows).toHaveText([/^\d\d:\d\d:\d\d\.\d{3} readable \[\d+\] accept #1 \(fd 4\)/]);
  await t.teach.searchLog.fill('send #2');
  await expect(rows).toHaveText([/send #2 5\/5 B/]);
  await t.teach.searchLog.fill('');
  await page.getByRole('textbox', { name: 'Socket', exact: true }).fill('#1');
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('recv');
  await expect(rows).toHaveText([/recv #1 5 B/]);
  await page.getByRole('textbox', { name: 'Socket', exact: true }).fill('one');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Socket must be a number such as 3' }),
  ).toBeVisible();
  await page.getByRole('textbox', { name: 'Socket', exact: true }).fill('');
  await t.lab.shot('log');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export log' }).click();
  const path = test.info().outputPath('log.txt');
  await (await download).saveAs(path);
  const text = await readFile(path, 'utf8');
  expect(text).toMatch(/^\d\d:\d\d:\d\d\.\d{3} \[\d+\] readable recv #1 5 B$/m);
  expect(text).toMatch(/^\d\d:\d\d:\d\d\.\d{3} \[\d+\] readable recv #2 5 B$/m);

  // A line opens its iteration.
  await rows.first().click();
  await expect(page.getByRole('button', { name: 'Live' })).toBeEnabled();
});

test("Close and Reset: the server closes one connection or resets it, recorded as the user's", async ({
  page,
}) => {
  const port = await freePort();
  await t.lab.start(port);
  const one = await openClient(port);
  const two = await openClient(port);
  t.clients.push(one, two);
  const ended = new Promise<void>((resolve) => one.socket.once('end', () => resolve()));
  const reset = new Promise<string>((resolve) =>
    two.socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? '')),
  );
  await t.lab.chipOf('inputs', one.localPort).getByRole('button').click();
  await t.lab.detail.getByRole('button', { name: 'Close', exact: true }).click();
  await ended;
  await expect(t.lab.chipOf('inputs', one.localPort)).toHaveCount(0);
  await t.lab.chipOf('inputs', two.localPort).getByRole('button').click();
  await expect(t.lab.detail).toContainText(/open for \d+ s/);
  await t.lab.detail.getByRole('button', { name: 'Reset', exact: true }).click();
  expect(await reset).toBe('ECONNRESET');
  // Each is a record of its own in the timeline, not a pass of the loop.
  const iterations = page.getByRole('list', { name: 'Iterations' });
  await expect(iterations.getByRole('button').filter({ hasText: 'you: close #1' })).toHaveCount(1);
  await expect(iterations.getByRole('button').filter({ hasText: 'you: reset #2' })).toHaveCount(1);
  await t.teach.logTab.click();
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('user-close');
  await expect(t.teach.log.getByRole('button')).toHaveText([
    /user .*you asked the server to reset #2 \(RST/,
    /user .*you asked the server to close #1 \(s\.close\(\): FIN\)/,
  ]);
});
