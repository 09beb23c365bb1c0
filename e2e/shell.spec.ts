import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';
import { freePort } from './pages/tcp';

/** Issue 3 §5.8: the browser shell in Debian's Chromium — it loads, gets ready, and a command round-trips. */
test('the browser shell serves the window, which connects and runs a command', async ({ page }, testInfo) => {
  const lab = new LabPage(page, testInfo);
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') refused.push(message.text());
  });
  await lab.open();
  await lab.reset();

  // startServer goes over the WebSocket and its result comes back: the button flips.
  await lab.start(await freePort());
  await lab.stopServer.click();
  await expect(lab.startServer).toBeVisible();
  // The strict CSP lets the app's own scripts, styles and WebSocket through.
  expect(refused.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
});
