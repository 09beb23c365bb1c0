/**
 * Help → The tutorial: one small read-only window (reopened, not duplicated), with no
 * preload, no JavaScript, and no way to navigate or open anything.
 */
import { BrowserWindow } from 'electron';
import { TUTORIAL_WINDOW_OPTIONS, tutorialHtml } from './help-content';

let tutorialWindow: BrowserWindow | undefined;

/** Shows the tutorial window, creating it on first use. */
export function showTutorialWindow(): void {
  if (tutorialWindow && !tutorialWindow.isDestroyed()) {
    tutorialWindow.show();
    tutorialWindow.focus();
    return;
  }
  const window = new BrowserWindow(TUTORIAL_WINDOW_OPTIONS);
  tutorialWindow = window;
  // Checklist §13 and §14: no navigation, no new windows, from a page that has no links anyway.
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-redirect', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (tutorialWindow === window) tutorialWindow = undefined;
  });
  void window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(tutorialHtml())}`);
}
