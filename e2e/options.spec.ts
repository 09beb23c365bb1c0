import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';
import { OptionsPanelPage } from './pages/OptionsPanelPage';
import { freePort, openClient, type TestClient } from './pages/tcp';

/** Socket options, the non-loopback warning and a dropped link, against the browser shell with real TCP clients. */
let lab: LabPage;
let options: OptionsPanelPage;
let client: TestClient | null = null;

test.use({ viewport: { width: 1280, height: 800 } });

test.beforeEach(async ({ page }, testInfo) => {
  lab = new LabPage(page, testInfo);
  options = new OptionsPanelPage(page);
  await lab.open();
  await lab.reset();
  await options.restore();
});

test.afterEach(async () => {
  client?.close();
  client = null;
  await options.restore();
  await lab.reset();
});

test('recv size 16: a 100-byte message is read in 7 recv actions and echoed', async () => {
  await options.open();
  await options.set('Recv size', '16');
  await expect(options.page.getByText('1 changed')).toBeVisible();
  await expect(options.field('Recv size')).toHaveValue('16');

  const port = await freePort();
  await lab.start(port);
  client = await openClient(port);
  const chip = lab.chipOf('inputs', client.localPort);
  await expect(chip).toBeVisible();
  const message = 'The quick brown fox jumps over the lazy dog; '.repeat(3).slice(0, 100);
  client.socket.write(message);
  await client.waitForEcho(message);
  expect(client.received()).toBe(message);

  await chip.getByRole('button').click();
  const history = lab.detail.getByRole('list', { name: 'Connection history' });
  const recvs = history.getByRole('listitem').filter({ hasText: /recv #\d+ \d+ B/ });
  await expect(recvs).toHaveCount(7);
  await expect(history.getByRole('listitem').filter({ hasText: /recv #\d+ 16 B/ })).toHaveCount(6);
  await expect(history.getByRole('listitem').filter({ hasText: /recv #\d+ 4 B/ })).toHaveCount(1);
  await lab.shot('options-recv-16');
});

test('an invalid option shows its error beside the field, and the engine keeps its value', async ({
  page,
}) => {
  await options.open();
  await options.set('Queue cap', '100');
  // A sentence, never the lab's own code (BAD_ARGUMENT stays in data-code, for tests).
  await expect(options.errorOf('Queue cap')).toHaveAttribute('data-code', 'BAD_ARGUMENT');
  await expect(options.errorOf('Queue cap')).not.toContainText('BAD_ARGUMENT');
  await expect(options.errorOf('Queue cap')).toContainText('must hold at least one recv');
  await expect(options.field('Queue cap')).toHaveValue('1M');
  await expect(options.errorOf('Recv size')).toHaveCount(0);

  await options.set('Recv size', '0');
  await expect(options.errorOf('Recv size')).toHaveAttribute('data-code', 'BAD_ARGUMENT');
  await expect(options.field('Recv size')).toHaveValue('1024');
  await lab.shot('options-refused');

  // A fresh window reads the engine's options anew: both kept their values.
  await page.reload();
  await expect(lab.root).toHaveAttribute('data-state', 'ready');
  await options.open();
  await expect(options.field('Queue cap')).toHaveValue('1M');
  await expect(options.field('Recv size')).toHaveValue('1024');
  await expect(options.defaults).toBeDisabled();
});

test('binding 0.0.0.0 warns and waits for a second click; ::1 starts at once', async () => {
  const warning = lab.page.getByLabel('Host warning');
  await lab.host.fill('0.0.0.0');
  await expect(warning).toContainText('other machines on your network can connect to this echo server');
  await lab.startServer.click();
  await expect(lab.page.getByRole('alert', { name: 'Host warning' })).toContainText(
    'Click Start Server again',
  );
  await expect(lab.stopServer).toHaveCount(0); // not started: the test never binds a non-loopback address
  await lab.shot('host-warning');

  await lab.host.fill('::1');
  await expect(warning).toHaveCount(0);
  const port = await freePort();
  await lab.start(port, '::1');
  await expect(lab.list('inputs').getByRole('listitem').first()).toHaveText(/^#0 fd 3 listening/);
});

test('a dropped link is shown plainly, and the window recovers when it is back', async ({ page }) => {
  // Reopen the window through a WebSocket route the test can cut.
  const links: { close(): Promise<void> }[] = [];
  await page.routeWebSocket(/\/ws\b/, (ws) => {
    ws.connectToServer();
    links.push(ws);
  });
  await lab.open();
  await page.evaluate(`(() => {
    const states = (window.labStates = []);
    const note = () => {
      const root = document.querySelector('[data-state]');
      const banner = document.querySelector('[aria-label="Connection lost"]') !== null;
      const last = states.at(-1);
      if (root && (!last || last.state !== root.dataset.state || last.banner !== banner))
        states.push({ state: root.dataset.state, banner });
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
    note();
  })()`);
  expect(links.length).toBeGreaterThan(0);
  for (const link of links.splice(0)) await link.close();
  await expect.poll(() => links.length).toBeGreaterThan(0); // the window reconnected through the route
  await expect(lab.root).toHaveAttribute('data-state', 'ready');
  const states = (await page.evaluate('window.labStates')) as { state: string; banner: boolean }[];
  expect(states).toContainEqual({ state: 'lost', banner: true });
  expect(states.at(-1)).toEqual({ state: 'ready', banner: false });

  // And it works again: the server starts from the recovered window.
  const port = await freePort();
  await lab.start(port);
});
