/**
 * Help → The tutorial: one small read-only window (reopened, not duplicated), with no
 * preload, no JavaScript, and no way to navigate or open anything. The options stay a
 * literal here so electronegativity's static checks can see them.
 */
import { BrowserWindow } from 'electron';
import { tutorialHtml } from './help-content';
import { TUTORIAL_TITLE } from '../../shared/tutorial';
import { guardWebContents } from './window';

let tutorialWindow: BrowserWindow | undefined;

/** Shows the tutorial window, creating it on first use. */
export function showTutorialWindow(): void {
  if (tutorialWindow && !tutorialWindow.isDestroyed()) {
    tutorialWindow.show();
    tutorialWindow.focus();
    return;
  }
  const window = new BrowserWindow({
    width: 760,
    height: 760,
    minWidth: 420,
    minHeight: 320,
    title: TUTORIAL_TITLE,
    show: false,
    autoHideMenuBar: true,
    // Checklist §2–4, 6, 8: a reader needs no Node, no preload, not even JavaScript.
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      javascript: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  tutorialWindow = window;
  // Checklist §13 and §14: the main window's guards with no origin allowed: no navigation, no new windows.
  guardWebContents(window.webContents, []);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (tutorialWindow === window) tutorialWindow = undefined;
  });
  void window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(tutorialHtml())}`);
}
