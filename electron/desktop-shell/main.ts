import { app, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { registerAppScheme, serveAppProtocol } from './app-scheme';
import { createHost } from './create-host';
import { setupIpc } from './ipc';
import { loadBounds, rememberBounds, setupQuit, setupSingleInstance } from './lifecycle';
import { setupMenu } from './menu';
import { allowedOrigins, APP_URL, createMainWindow, guardWebContents } from './window';

const here = import.meta.dirname;
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const origins = allowedOrigins(devServerUrl);
let mainWindow: BrowserWindow | undefined;

async function onReady(): Promise<void> {
  serveAppProtocol(join(here, '../renderer'));
  setupMenu();
  const host = createHost();
  const bounds = await loadBounds();
  mainWindow = await createMainWindow(join(here, '../preload/preload.cjs'), bounds, origins);
  if (bounds.maximized) mainWindow.maximize();
  rememberBounds(mainWindow);
  setupQuit(host, setupIpc(host, mainWindow, origins));
  await mainWindow.loadURL(devServerUrl ?? APP_URL);
}

if (setupSingleInstance(() => mainWindow)) {
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, origins));
  app.whenReady().then(onReady, (error: unknown) => {
    console.error('Socket Lab failed to start:', error);
    app.exit(1);
  });
} else {
  app.quit();
}
