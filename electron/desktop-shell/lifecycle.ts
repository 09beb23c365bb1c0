import { app, screen, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { LabHost } from '../host/lab-host';
import { DEFAULT_WINDOW, loadWindowState, saveWindowState, type WindowState } from './window-state';

const stateFile = (): string => join(app.getPath('userData'), 'window-state.json');

/** One instance at a time: a second launch focuses the first window and exits. */
export function setupSingleInstance(getWindow: () => BrowserWindow | undefined): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const window = getWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  return true;
}

/** The window's last size and position, made safe for today's displays. */
export function loadBounds(): Promise<WindowState> {
  return loadWindowState(
    stateFile(),
    screen.getAllDisplays().map((display) => display.workArea),
  ).catch(() => DEFAULT_WINDOW);
}

/** Saves the (unmaximized) bounds when the window closes. */
export function rememberBounds(window: BrowserWindow): void {
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    void saveWindowState(stateFile(), { ...bounds, maximized: window.isMaximized() }).catch(() => undefined);
  });
}

/**
 * Quitting stops the clients and the server first (the port is released, the fleet
 * process ends). A single-window lab quits when its window closes, on every platform.
 */
export function setupQuit(host: LabHost, teardown: () => void): void {
  let stopped = false;
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    teardown();
    void host.dispose().finally(() => {
      stopped = true;
      app.quit();
    });
  });
}
