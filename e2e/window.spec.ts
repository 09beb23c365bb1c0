import { expect, test } from '@playwright/test';
import type { Action } from '../shared/engine';
import { seedLines } from '../shared/seed';
import { LabPage } from './pages/LabPage';
import { OptionsPanelPage } from './pages/OptionsPanelPage';
import { freePort, occupyPort, openClient, openClients, type TestClient } from './pages/tcp';

/** The flows 1–6, as a newcomer would click them, against the browser shell. */
let clients: TestClient[] = [];

// The desktop app's default window size.
test.use({ viewport: { width: 1280, height: 800 } });
let lab: LabPage;

test.beforeEach(async ({ page }, testInfo) => {
  lab = new LabPage(page, testInfo);
  await lab.open();
  await lab.reset();
});

test.afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await lab.reset();
});

/** Starts the server on a free port with one client connected and shown in inputs. */
async function startWithOneClient(): Promise<TestClient> {
  const port = await freePort();
  await lab.start(port);
  const client = await openClient(port);
  clients = [client];
  await expect(lab.chipOf('inputs', client.localPort)).toBeVisible();
  return client;
}

/** Step mode, then `text` from the client: halted before select(), which would find it readable. */
async function haltReadable(client: TestClient, text: string): Promise<void> {
  await lab.mode('Step');
  client.socket.write(text);
  await expect(lab.marks(lab.chipOf('inputs', client.localPort))).toHaveAttribute('data-marks', /readable/);
}

test('1. Start Server, and three external clients appear in inputs', async () => {
  await lab.shot('0-first-run');
  const port = await freePort();
  await lab.start(port);
  await expect(lab.list('inputs').getByRole('listitem').first()).toHaveText(
    /^#0 fd 3 listening 127\.0\.0\.1:\d+/,
  );
  clients = await openClients(port, 3);
  for (const client of clients) await expect(lab.chipOf('inputs', client.localPort)).toBeVisible();
  await expect(lab.list('inputs')).toHaveAttribute('data-count', '4');
  await lab.shot('1-three-clients');
});

test('2. Step mode: readable, then in outputs with its queue, then echoed and gone from outputs', async () => {
  const client = await startWithOneClient();
  const inInputs = lab.chipOf('inputs', client.localPort);
  await lab.mode('Step');
  await expect(lab.step).toBeEnabled();

  client.socket.write('hello');
  // Halted before select(): the window shows what select() would return.
  await expect(lab.marks(inInputs)).toHaveAttribute('data-marks', /readable/);
  await lab.shot('2a-pending-readable');

  await lab.step.click();
  const inOutputs = lab.chipOf('outputs', client.localPort);
  await expect(inOutputs).toBeVisible();
  await expect(lab.marks(inOutputs)).toHaveAttribute('data-marks', /writable/); // what comes next
  await inOutputs.getByRole('button').click();
  await expect(lab.detail.getByRole('list', { name: 'Queue' })).toContainText('hello');
  await lab.shot('2b-in-outputs-with-queue');

  await lab.step.click();
  await client.waitForEcho('hello');
  await expect(lab.detail.getByText('Empty: nothing waiting to be echoed.')).toBeVisible();
  await lab.shot('2c-sent');

  // The third step by keyboard, with focus still on the Step button: exactly one iteration runs.
  const before = Number(await lab.counters.getAttribute('data-iteration'));
  await lab.page.keyboard.press('Space');
  await expect(lab.counters).toHaveAttribute('data-iteration', String(before + 1));
  await expect(inOutputs).toHaveCount(0);
  await expect(lab.list('outputs')).toHaveAttribute('data-count', '0');
  expect(client.received()).toBe('hello');
  await lab.shot('2d-left-outputs');
});

test('3. Step action walks the code panel line by line through one iteration', async () => {
  const client = await startWithOneClient();
  await haltReadable(client, 'abc');

  const id = Number((await lab.chipOf('inputs', client.localPort).textContent())?.match(/^#(\d+)/)?.[1]);
  const iteration: Action[] = [
    { kind: 'select', phase: 'select', readable: [id], writable: [], exceptional: [] },
    { kind: 'recv', id, bytes: 3, phase: 'readable' },
    { kind: 'put', id, bytes: 3, phase: 'readable' },
    { kind: 'outputs-add', id, phase: 'readable' },
  ];
  for (const [index, action] of iteration.entries()) {
    await lab.stepAction.click();
    const lines = seedLines(action).map(String);
    await expect(lab.currentLine).toHaveCount(lines.length);
    for (const [i, line] of lines.entries())
      await expect(lab.currentLine.nth(i)).toHaveAttribute('data-line', line);
    await lab.shot(`3-step-action-${index + 1}-${action.kind}`);
  }
  await expect(lab.currentAction).toContainText(`outputs += #${id}`);
  await expect(lab.chipOf('outputs', client.localPort)).toBeVisible();
});

test('4. Tutorial mode and a half-closing client: the original crashes here', async () => {
  const port = await freePort();
  await lab.start(port);
  await lab.tutorialMode.click();
  await expect(lab.tutorialMode).toBeChecked();
  const client = await openClient(port);
  clients = [client];
  const chip = lab.chipOf('inputs', client.localPort);
  await expect(chip).toBeVisible();
  await lab.mode('Step');
  client.socket.end('bye'); // send, then shut the write side
  await expect(chip).toContainText('EOF');
  await lab.step.click(); // recv 'bye', queue it, outputs += the socket
  await expect(lab.chipOf('outputs', client.localPort)).toBeVisible();
  await lab.step.click(); // readable (EOF) closes it, then the writable loop looks up its deleted queue
  await expect(lab.crashBanner).toBeVisible();
  await expect(lab.crashBanner).toContainText('KeyError');
  await expect(
    lab.page.getByRole('list', { name: 'Seed source' }).getByText(/original would crash here/),
  ).toBeVisible();
  await lab.shot('4-original-crashes-here');
});

test('5. A busy port gives a clear message, and another port works', async () => {
  const busy = await occupyPort();
  try {
    const busyPort = (busy.address() as { port: number }).port;
    await lab.host.fill('127.0.0.1');
    await lab.port.fill(String(busyPort));
    await lab.startServer.click();
    const error = lab.page.getByRole('alert').filter({ hasText: 'EADDRINUSE' });
    await expect(error).toBeVisible();
    await expect(error).toContainText(String(busyPort));
    await lab.shot('5a-busy-port');

    const port = await freePort();
    await lab.start(port);
    await expect(error).toHaveCount(0);
    const client = await openClient(port);
    clients = [client];
    await expect(lab.chipOf('inputs', client.localPort)).toBeVisible();
    client.socket.write('still works');
    await client.waitForEcho('still works');
    await lab.shot('5b-other-port-works');
  } finally {
    await new Promise<void>((resolve) => busy.close(() => resolve()));
  }
});

test('6. 500 connections: the lists stay responsive', async ({ page }) => {
  test.setTimeout(60_000);
  // listen(5) would leave most of 500 clients at once waiting for SYN retries, as in the seed.
  const options = new OptionsPanelPage(page);
  await options.open();
  await options.set('Listen backlog', '511');
  try {
    const port = await freePort();
    await lab.start(port);
    clients = await openClients(port, 500);
    await expect(lab.list('inputs')).toHaveAttribute('data-count', '501', { timeout: 20_000 });
    // Virtualized: only the chips in view are in the DOM.
    expect(await lab.list('inputs').getByRole('listitem').count()).toBeLessThan(80);
    for (const client of clients.slice(0, 100)) client.socket.write('ping');

    const last = clients.at(-1)!;
    const began = Date.now();
    await lab.list('inputs').evaluate((list) => list.parentElement?.scrollTo({ top: list.scrollHeight }));
    const chip = lab.chipOf('inputs', last.localPort);
    await chip.getByRole('button').click();
    await expect(lab.detail.getByRole('heading', { level: 3 })).toContainText(`127.0.0.1:${last.localPort}`);
    const took = Date.now() - began;
    test.info().annotations.push({ type: 'interaction', description: `scroll + open detail in ${took} ms` });
    expect(took).toBeLessThan(2_000);
    await lab.mode('Step');
    await expect(lab.step).toBeEnabled({ timeout: 2_000 });
    await lab.shot('6-500-connections');
  } finally {
    await lab.reset();
    await options.restore();
  }
});

for (const reducedMotion of ['no-preference', 'reduce'] as const) {
  test(`7. a socket moving to outputs slides there (${reducedMotion} motion)`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion });
    const client = await startWithOneClient();
    await haltReadable(client, 'move');
    await lab.watchMoves('outputs');
    await lab.step.click();
    await expect(lab.chipOf('outputs', client.localPort)).toBeVisible();
    const moves = await lab.moves();
    if (reducedMotion === 'reduce') expect(moves).toEqual([]);
    else {
      expect(moves).toHaveLength(1);
      expect(moves[0]).toBeLessThanOrEqual(300);
    }
  });
}
