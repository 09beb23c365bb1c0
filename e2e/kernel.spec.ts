import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';
import { OptionsPanelPage } from './pages/OptionsPanelPage';
import { freePort, openClient, openClients, type TestClient } from './pages/tcp';

/** select() as the kernel sees it, in the window: live values in the code, the accept queue, descriptors. */
let lab: LabPage;
let options: OptionsPanelPage;
let clients: TestClient[] = [];

test.use({ viewport: { width: 1280, height: 800 } });

test.beforeEach(async ({ page }, testInfo) => {
  lab = new LabPage(page, testInfo);
  options = new OptionsPanelPage(page);
  await lab.open();
  await lab.reset();
  await options.restore();
});

test.afterEach(async () => {
  for (const client of clients) client.close();
  clients = [];
  await options.restore();
  await lab.reset();
});

const code = (lab: LabPage) => lab.page.getByRole('list', { name: 'Seed source' });

test('the code panel shows the values the server runs with: address, listen(N), recv(N), AF_INET6', async () => {
  const port = await freePort();
  await lab.start(port);
  await expect(code(lab)).toContainText(`server.bind(('127.0.0.1', ${port}))`);
  await expect(code(lab)).toContainText('server.listen(5)');
  await expect(code(lab)).toContainText('data = s.recv(1024)');
  await options.open();
  await options.set('Recv size', '16');
  await options.set('Listen backlog', '2');
  await expect(code(lab)).toContainText('data = s.recv(16)');
  await expect(code(lab)).toContainText('server.listen(2)');
  await lab.reset();
  await lab.start(0, '::1');
  await expect(code(lab)).toContainText('socket.socket(socket.AF_INET6, socket.SOCK_STREAM)');
  await expect(code(lab)).toContainText("server.bind(('::1', ");
});

test('listen(5): 20 clients at once, six in the accept queue, fourteen waiting for their SYN retry', async () => {
  const port = await freePort();
  await lab.start(port);
  await lab.mode('Step');
  clients = await Promise.all(Array.from({ length: 20 }, () => openClient(port)));
  const listener = lab.list('inputs').getByRole('listitem').first();
  await expect(listener).toContainText('queue 6/6');
  await expect(listener).toContainText('+14 waiting for a SYN retry');
  await listener.getByRole('button').click();
  await expect(lab.detail).toContainText('listen(5) lets at most 6 connections wait there');
  await lab.shot('kernel-listen-queue');
  // Each Step accepts one: six Steps, six connections in inputs beside the listener. The rest
  // join at their retry, a second after they came (or at the next, 3 s, on a machine so busy
  // that the six Steps took longer than that second): six join, eight wait.
  for (let i = 0; i < 6; i++) await lab.step.click();
  await expect(lab.list('inputs')).toHaveAttribute('data-count', '7');
  await expect(listener).toContainText('queue 6/6', { timeout: 10_000 });
  await expect(listener).toContainText('+8 waiting', { timeout: 10_000 });
});

test('descriptors: each chip shows its fd; past 1023, select() cannot watch it, and the window says so', async () => {
  test.setTimeout(60_000);
  await options.open();
  await options.set('Listen backlog', '2048');
  const port = await freePort();
  await lab.start(port);
  clients = await openClients(port, 1021);
  await expect(lab.list('inputs')).toHaveAttribute('data-count', '1022');
  const first = lab.chipOf('inputs', clients[0]?.localPort ?? 0);
  await expect(first).toContainText('fd 4');
  await expect(lab.page.getByText(/fd 1024, past select\(\)'s FD_SETSIZE \(1024\)/).first()).toBeVisible();
  await lab.list('inputs').hover();
  await lab.page.mouse.wheel(0, 100_000);
  const past = lab
    .list('inputs')
    .getByRole('listitem')
    .filter({ hasText: /fd 1024\b/ });
  await expect(past).toContainText('fd 1024');
  await expect(past.locator('.chip-fd-past')).toBeVisible();
  await lab.shot('kernel-fd-setsize');
});
