import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import {
  CHANNELS,
  COMMAND_NAMES,
  DESKTOP_CHANNELS,
  fileArgSchemas,
  type CommandName,
} from '../../shared/contract';
import { fail, type Result } from '../../shared/result';
import type { LabHost } from '../host/lab-host';
import { describeIssues } from '../host/validate';
import { exportImage } from './export-image';
import type { RecordingFiles } from './recording-files';
import { isTrustedSender } from './window';

const REFUSED = 'Refused: this call did not come from the Socket Lab window.';

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
export function setupIpc(
  host: LabHost,
  window: BrowserWindow,
  origins: readonly string[],
  files: RecordingFiles,
): () => void {
  const windowId = window.webContents.id;
  const handle = (name: CommandName) => {
    ipcMain.handle(CHANNELS[name], (event, args: unknown) =>
      isTrustedSender(senderOf(event), windowId, origins)
        ? host.command(name, args)
        : fail('TRANSPORT', REFUSED),
    );
  };
  COMMAND_NAMES.forEach(handle);
  const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(senderOf(event), windowId, origins);
  // The desktop app's own (DesktopApi): the recording files, and Export image, which captures this window.
  const desktopChannels = setupFileIpc(files, trusted);
  ipcMain.handle(DESKTOP_CHANNELS.exportImage, (event, args: unknown) =>
    trusted(event) ? exportImage(window, args) : fail('TRANSPORT', REFUSED),
  );
  const unsubscribe = host.subscribe({
    send: (delta) => {
      if (!window.isDestroyed()) window.webContents.send(CHANNELS.delta, delta);
    },
  });
  return () => {
    unsubscribe();
    for (const name of COMMAND_NAMES) ipcMain.removeHandler(CHANNELS[name]);
    for (const channel of desktopChannels) ipcMain.removeHandler(channel);
    ipcMain.removeHandler(DESKTOP_CHANNELS.exportImage);
    void files.closeAll();
  };
}

type FileCommand = keyof typeof fileArgSchemas;

/** The recording files' channels (DesktopFiles): the same sender check, arguments validated, errors as values. */
function setupFileIpc(files: RecordingFiles, trusted: (event: IpcMainInvokeEvent) => boolean): string[] {
  const refused = fail('TRANSPORT', REFUSED);
  const handlers: { [K in FileCommand]: (args: never) => Promise<Result<unknown>> } = {
    openSavedRecording: (args: { name: string }) => files.openSaved(args.name),
    readRecording: (args: { handle: number; offset: number; length: number }) =>
      files.read(args.handle, args.offset, args.length),
    closeRecording: (args: { handle: number }) => files.close(args.handle),
    showSavedRecording: (args: { name: string }) => files.showSaved(args.name),
  };
  ipcMain.handle(DESKTOP_CHANNELS.chooseRecording, (event) => (trusted(event) ? files.choose() : refused));
  for (const name of Object.keys(handlers) as FileCommand[]) {
    ipcMain.handle(DESKTOP_CHANNELS[name], (event, args: unknown) => {
      if (!trusted(event)) return refused;
      const parsed = fileArgSchemas[name].safeParse(args);
      if (!parsed.success) return fail('BAD_ARGUMENT', `${name}: ${describeIssues(parsed.error.issues)}`);
      return (handlers[name] as (a: unknown) => Promise<Result<unknown>>)(parsed.data);
    });
  }
  return [
    DESKTOP_CHANNELS.chooseRecording,
    ...(Object.keys(handlers) as FileCommand[]).map((name) => DESKTOP_CHANNELS[name]),
  ];
}
