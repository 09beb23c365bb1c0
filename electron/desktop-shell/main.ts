import { app, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { registerAppScheme, serveAppProtocol } from './app-scheme';
import { createHost } from './create-host';
import { setupIpc } from './ipc';
import { loadBounds, rememberBounds, setupQuit, setupSingleInstance } from './lifecycle';
import { setupMenu } from './menu';
import { RecordingFiles } from './recording-files';
import { DESKTOP_CHANNELS } from '../../shared/contract';
import { allowedOrigins, APP_URL, createMainWindow, guardWebContents } from './window';

const here = import.meta.dirname;
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const origins = allowedOrigins(devServerUrl);
let mainWindow: BrowserWindow | undefined;

async function onReady(): Promise<void> {
  serveAppProtocol(join(here, '../renderer'));
  const { host, recordings } = createHost();
  const bounds = await loadBounds();
  const window = await createMainWindow(join(here, '../preload/preload.cjs'), bounds, origins);
  mainWindow = window;
  if (bounds.maximized) window.maximize();
  rememberBounds(window);
  const files = new RecordingFiles(window, recordings);
  // File → Open Recording…: the dialog here, the replay in the window.
  setupMenu(() => {
    void files.choose().then((chosen) => {
      if (chosen.ok && chosen.value && !window.isDestroyed())
        window.webContents.send(DESKTOP_CHANNELS.recordingOpened, chosen.value);
    });
  });
  setupQuit(host, setupIpc(host, window, origins, files));
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
