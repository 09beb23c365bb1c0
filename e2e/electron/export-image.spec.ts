import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { launchApp, runtime, type LaunchedApp } from './launch';

test.skip(!runtime.installed, runtime.reason);

let launched: LaunchedApp;

test.beforeEach(async () => {
  launched = await launchApp();
});

test.afterEach(() => launched.close());

/**
 * Export image in the desktop app is the app's own capture (webContents.capturePage), saved
 * where the save dialog says: the dialog is answered from the main process, the PNG read back.
 */
test('Export image saves the window itself as a PNG where the save dialog says', async () => {
  const page = await launched.app.firstWindow();
  await expect(page.locator('[data-state]').first()).toHaveAttribute('data-state', 'ready');
  const path = test.info().outputPath('exported.png');
  await launched.app.evaluate(({ dialog }, filePath) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
  }, path);
  const keys = await page.evaluate(() =>
    Object.keys((globalThis as unknown as { labDesktop: object }).labDesktop),
  );
  expect(keys.sort()).toEqual(
    [
      'chooseRecording',
      'closeRecording',
      'exportImage',
      'onRecordingOpened',
      'openSavedRecording',
      'readRecording',
      'showSavedRecording',
    ].sort(),
  );
  await page.getByRole('button', { name: 'Export image' }).click();
  await expect
    .poll(() =>
      readFile(path).then(
        (png) => png.subarray(1, 4).toString(),
        () => '',
      ),
    )
    .toBe('PNG');
});
