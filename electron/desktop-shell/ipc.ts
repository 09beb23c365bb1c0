import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, COMMAND_NAMES, DESKTOP_CHANNELS, type CommandName } from '../../shared/contract';
import { fail } from '../../shared/result';
import type { LabHost } from '../host/lab-host';
import { exportImage } from './export-image';
import { isTrustedSender } from './window';

/** The sender of an invoke, in the shape the pure guard checks. */
function senderOf(event: IpcMainInvokeEvent) {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame?.url,
    isMainFrame: frame !== null && frame.parent === null,
  };
}

/**
 * The only place that touches ipcMain: one handler per command, each accepting calls only
 * from the main frame of `window` showing the app (Electron checklist §17), and the
 * window subscribed to batches. Returns a function that removes it all.
 */
export function setupIpc(host: LabHost, window: BrowserWindow, origins: readonly string[]): () => void {
  const windowId = window.webContents.id;
  const handle = (name: CommandName) => {
    ipcMain.handle(CHANNELS[name], (event, args: unknown) =>
      isTrustedSender(senderOf(event), windowId, origins)
        ? host.command(name, args)
        : fail('TRANSPORT', 'Refused: this call did not come from the Socket Lab window.'),
    );
  };
  COMMAND_NAMES.forEach(handle);
  // The desktop app's own: Export image captures this window (checked like every command).
  ipcMain.handle(DESKTOP_CHANNELS.exportImage, (event, args: unknown) =>
    isTrustedSender(senderOf(event), windowId, origins)
      ? exportImage(window, args)
      : fail('TRANSPORT', 'Refused: this call did not come from the Socket Lab window.'),
  );
  const unsubscribe = host.subscribe({
    send: (delta) => {
      if (!window.isDestroyed()) window.webContents.send(CHANNELS.delta, delta);
    },
  });
  return () => {
    unsubscribe();
    for (const name of COMMAND_NAMES) ipcMain.removeHandler(CHANNELS[name]);
    ipcMain.removeHandler(DESKTOP_CHANNELS.exportImage);
  };
}
