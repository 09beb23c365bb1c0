/**
 * The pictures of select() as the kernel sees it (docs/kernel-*.png), each staged in
 * the real window with real TCP clients: a reset, a FIN with the data, the listen(5)
 * queue, a descriptor past FD_SETSIZE.
 */
import { connect, type Socket } from 'node:net';
import type { Page } from '@playwright/test';

export interface Scene {
  file: string;
  /** Sets the window up on a started server at `port`; returns the clients to close afterwards. */
  stage(page: Page, port: number): Promise<Socket[]>;
}

const open = (port: number): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, allowHalfOpen: true }, () => resolve(socket));
    socket.once('error', reject);
    socket.on('data', () => undefined);
  });

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const inputs = (page: Page) => page.getByRole('list', { name: 'inputs', exact: true });
const count = (page: Page, list: string, n: number) =>
  page.locator(`[role="list"][aria-label="${list}"][data-count="${n}"]`).waitFor({ state: 'attached' });

/** Mid-iteration, the code panel's current action is the original's crash. */
const crashShown = (page: Page, exception: string) =>
  page
    .getByRole('status', { name: 'Current action' })
    .filter({ hasText: `the original would crash here: ${exception}` })
    .waitFor();

/** Halted in Step mode: waits until `n` connections wait in the accept queue. */
const queued = (page: Page, n: number) =>
  inputs(page)
    .getByRole('listitem')
    .first()
    .filter({ hasText: `queue ${n}/` })
    .waitFor();

async function tutorialStep(page: Page): Promise<void> {
  await page.getByRole('switch', { name: 'Tutorial mode' }).check();
  await page.getByRole('radio', { name: 'Step' }).check();
}

/** Clicks Step (or Step action) `n` times. */
async function stepTimes(page: Page, n: number, name = 'Step'): Promise<void> {
  for (let i = 0; i < n; i++) await button(page, name).click();
}

export const KERNEL_SCENES: Scene[] = [
  {
    // After the echo the client resets: the socket is readable, and recv() raises.
    file: 'kernel-reset.png',
    async stage(page, port) {
      await tutorialStep(page);
      const client = await open(port);
      await queued(page, 1);
      await stepTimes(page, 1); // accept
      client.write('hello');
      await inputs(page).locator('[data-marks~="readable"]').first().waitFor();
      await stepTimes(page, 3); // recv; send; outputs -= (queue empty)
      await count(page, 'outputs', 0);
      client.resetAndDestroy();
      await inputs(page).getByRole('listitem').filter({ hasText: 'ECONNRESET' }).waitFor();
      await stepTimes(page, 3, 'Step action'); // select(); recv raises; the original dies
      await crashShown(page, 'ConnectionResetError');
      return [client];
    },
  },
  {
    // send() and shutdown() at once: the FIN comes with the data, and the original dies of KeyError.
    file: 'kernel-keyerror.png',
    async stage(page, port) {
      await tutorialStep(page);
      const client = await open(port);
      await queued(page, 1);
      await stepTimes(page, 1); // accept
      client.end('hello');
      await inputs(page).getByRole('listitem').filter({ hasText: 'EOF' }).waitFor();
      await stepTimes(page, 1); // recv 5, put, outputs += s
      await count(page, 'outputs', 1);
      await stepTimes(page, 7, 'Step action'); // select() → readable and writable … KeyError
      await crashShown(page, 'KeyError');
      return [client];
    },
  },
  {
    // 20 clients at once against listen(5): six in the accept queue, fourteen waiting for a SYN retry.
    file: 'kernel-listen-queue.png',
    async stage(page, port) {
      await page.getByRole('radio', { name: 'Step' }).check();
      const clients = await Promise.all(Array.from({ length: 20 }, () => open(port)));
      const listener = inputs(page).getByRole('listitem').first();
      await listener.filter({ hasText: '+14 waiting' }).waitFor();
      await listener.getByRole('button').click();
      await page.getByText('lets at most 6 connections wait there').waitFor();
      return clients;
    },
  },
  {
    // 1,021 connections: the last gets descriptor 1024, which select() cannot watch.
    file: 'kernel-fd-setsize.png',
    async stage(page, port) {
      // Accepting 1,021 at once needs a longer accept queue than listen(5).
      await page.getByText('Socket options', { exact: true }).click();
      const backlog = page.getByRole('textbox', { name: 'Listen backlog', exact: true });
      await backlog.fill('2048');
      await backlog.press('Enter');
      await page.getByText('1 changed').waitFor();
      const clients: Socket[] = [];
      for (let i = 0; i < 1021; i += 50)
        clients.push(
          ...(await Promise.all(Array.from({ length: Math.min(50, 1021 - i) }, () => open(port)))),
        );
      await count(page, 'inputs', 1022);
      await inputs(page).hover();
      await page.mouse.wheel(0, 100_000);
      await inputs(page)
        .getByRole('listitem')
        .filter({ hasText: /fd 1024\b/ })
        .waitFor();
      await inputs(page)
        .getByRole('listitem')
        .filter({ hasText: /fd 1024\b/ })
        .getByRole('button')
        .click();
      return clients;
    },
  },
];
