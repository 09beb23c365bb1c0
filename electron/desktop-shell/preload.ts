import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  CHANNELS,
  DESKTOP_CHANNELS,
  type DesktopApi,
  type CommandName,
  type CommandResults,
  type LabApi,
  type LabDelta,
  type OpenedFile,
} from '../../shared/contract';
import type { Result } from '../../shared/result';

/** Invokes one command's channel; the main process validates the arguments. */
const call = <K extends CommandName>(name: K, args: unknown): Promise<Result<CommandResults[K]>> =>
  ipcRenderer.invoke(CHANNELS[name], args) as Promise<Result<CommandResults[K]>>;

/** Exactly the LabApi: one method per command, no generic invoke, no ipcRenderer. */
const api: LabApi = {
  startServer: (args) => call('startServer', args),
  stopServer: (args) => call('stopServer', args),
  setMode: (args) => call('setMode', args),
  step: (args) => call('step', args),
  stepAction: (args) => call('stepAction', args),
  setFidelity: (args) => call('setFidelity', args),
  setOptions: (args) => call('setOptions', args),
  snapshot: (args) => call('snapshot', args),
  inspect: (args) => call('inspect', args),
  spawnClients: (args) => call('spawnClients', args),
  stopClients: (args) => call('stopClients', args),
  sendFromClient: (args) => call('sendFromClient', args),
  runUntil: (args) => call('runUntil', args),
  closeConnection: (args) => call('closeConnection', args),
  runScenario: (args) => call('runScenario', args),
  watchProgram: (args) => call('watchProgram', args),
  watchEngine: (args) => call('watchEngine', args),
  startRecording: (args) => call('startRecording', args),
  stopRecording: (args) => call('stopRecording', args),
  onDelta(listener) {
    // The IPC event stays here: the page gets the batch only.
    const forward = (_event: IpcRendererEvent, delta: LabDelta) => listener(delta);
    ipcRenderer.on(CHANNELS.delta, forward);
    return () => {
      ipcRenderer.removeListener(CHANNELS.delta, forward);
    };
  },
};

/** What only the desktop app can do: exactly DesktopApi (the dialogs are the main process's; the page reads what they chose). */
const desktop: DesktopApi = {
  exportImage: (args) => ipcRenderer.invoke(DESKTOP_CHANNELS.exportImage, args),
  chooseRecording: () => ipcRenderer.invoke(DESKTOP_CHANNELS.chooseRecording),
  openSavedRecording: (args) => ipcRenderer.invoke(DESKTOP_CHANNELS.openSavedRecording, args),
  readRecording: (args) => ipcRenderer.invoke(DESKTOP_CHANNELS.readRecording, args),
  closeRecording: (args) => ipcRenderer.invoke(DESKTOP_CHANNELS.closeRecording, args),
  showSavedRecording: (args) => ipcRenderer.invoke(DESKTOP_CHANNELS.showSavedRecording, args),
  onRecordingOpened(listener) {
    const forward = (_event: IpcRendererEvent, file: OpenedFile) => listener(file);
    ipcRenderer.on(DESKTOP_CHANNELS.recordingOpened, forward);
    return () => {
      ipcRenderer.removeListener(DESKTOP_CHANNELS.recordingOpened, forward);
    };
  },
};

contextBridge.exposeInMainWorld('lab', api);
contextBridge.exposeInMainWorld('labDesktop', desktop);
