/**
 * The application menu: the platform's standard roles, and Help → The tutorial, Report a
 * problem, About. main.ts calls setupMenu() once the app is ready.
 */
import os from 'node:os';
import { BrowserWindow, Menu, app, clipboard, dialog, shell } from 'electron';
import { allowedExternalUrl, newIssueUrl } from './external-links';
import { aboutText, versionLines, type AppVersions } from './help-content';
import { menuTemplate } from './menu-template';
import { showTutorialWindow } from './tutorial-window';

/** This running app's versions. */
function appVersions(): AppVersions {
  return {
    app: app.getVersion(),
    electron: process.versions.electron,
    chrome: process.versions.chrome,
    node: process.versions.node,
    v8: process.versions.v8,
    os: `${os.type()} ${os.release()} ${process.arch}`,
  };
}

/** Opens `url` in the user's browser only if the allowlist says so (checklist §15). */
function openAllowed(url: string): void {
  const allowed = allowedExternalUrl(url);
  if (!allowed) {
    console.error(`refused to open ${url}: not on the external-link allowlist`);
    return;
  }
  void shell.openExternal(allowed);
}

async function showAbout(): Promise<void> {
  const versions = appVersions();
  const { message, detail } = aboutText(versions);
  const options = {
    type: 'info' as const,
    title: 'About Socket Lab',
    message,
    detail,
    buttons: ['OK', 'Copy versions'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const parent = BrowserWindow.getFocusedWindow();
  const { response } = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options);
  if (response === 1) clipboard.writeText(versionLines(versions).join('\n'));
}

/** Installs the application menu (call after app `ready`); `openRecording` backs File → Open Recording…. */
export function setupMenu(openRecording: () => void = () => undefined): void {
  // macOS's app menu keeps its native About item; give it the same text as Help → About.
  const versions = appVersions();
  app.setAboutPanelOptions({
    applicationName: 'Socket Lab',
    applicationVersion: versions.app,
    credits: aboutText(versions).detail,
  });
  const template = menuTemplate(process.platform, {
    openRecording,
    showTutorial: showTutorialWindow,
    reportProblem: () => openAllowed(newIssueUrl(appVersions())),
    showAbout: () => void showAbout(),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
