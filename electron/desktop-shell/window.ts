import type { BrowserWindow as Window, BrowserWindowConstructorOptions, WebContents } from 'electron';

/** The app's own origin: the renderer is served from this custom protocol, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'socket-lab';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Origins the window may show: the app's, plus the dev server's under `npm run dev`. */
export function allowedOrigins(devServerUrl: string | undefined): string[] {
  const origins = [`${APP_SCHEME}://${APP_HOST}`];
  if (devServerUrl) {
    const origin = originOf(devServerUrl);
    if (origin) origins.push(origin);
  }
  return origins;
}

/**
 * scheme://host[:port] of a URL, compared whole — never by prefix, so
 * `https://example.com.attacker.com` is not `https://example.com`. Null if unparsable.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) return null;
    // Custom schemes have an opaque origin in WHATWG URL: build it from protocol and host.
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

/** True when `url` belongs to one of the exact `origins`. */
export function isAllowedUrl(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}

/** Electron checklist §13: no navigation away from the app. */
export const allowNavigation = (url: string, origins: readonly string[]): boolean =>
  isAllowedUrl(url, origins);

/** Electron checklist §14: no new windows, whatever the URL. */
export const windowOpenDecision = (): { action: 'deny' } => ({ action: 'deny' });

/** Electron checklist §5: every permission request (camera, notifications, …) is denied. */
export const allowPermission = (_permission: string): boolean => false;

/** Who sent an IPC message: its webContents and frame. */
export interface IpcSender {
  webContentsId: number;
  frameUrl: string | undefined;
  isMainFrame: boolean;
}

/** Electron checklist §17: IPC only from the main frame of our own window, showing our own page. */
export function isTrustedSender(sender: IpcSender, windowId: number, origins: readonly string[]): boolean {
  return (
    sender.webContentsId === windowId &&
    sender.isMainFrame &&
    sender.frameUrl !== undefined &&
    isAllowedUrl(sender.frameUrl, origins)
  );
}

/** Electron checklist §2–4, 6–9, 12: the hardened web preferences. */
export function windowOptions(
  preload: string,
  bounds: Partial<Electron.Rectangle>,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Socket Lab',
    backgroundColor: '#1e1e1e',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}

/** Applies the navigation, window-open and webview guards to any webContents. */
export function guardWebContents(contents: WebContents, origins: readonly string[]): void {
  contents.on('will-navigate', (event, url) => {
    if (!allowNavigation(url, origins)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!allowNavigation(url, origins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenDecision);
}

/** Creates the main window; the caller loads the page and wires IPC. */
export async function createMainWindow(
  preload: string,
  bounds: Partial<Electron.Rectangle>,
  origins: readonly string[],
): Promise<Window> {
  const { BrowserWindow, session } = await import('electron');
  const window = new BrowserWindow(windowOptions(preload, bounds));
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(allowPermission(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => allowPermission(permission));
  guardWebContents(window.webContents, origins);
  window.once('ready-to-show', () => window.show());
  return window;
}
