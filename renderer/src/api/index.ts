import type { DesktopApi, LabApi } from '../../../shared/contract';
import { browserFiles, desktopFiles, type RecordingFiles } from '../replay/files';
import { DEFAULT_SERVE_PORT, WS_PATH } from '../../../shared/wire';
import { createWsTransport, type LinkStatus, type StatusListener } from './ws-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser shell. */
    lab?: LabApi;
    /** Set by the Electron preload beside `lab`: what only the desktop app can do (its dialogs, Export image). */
    labDesktop?: DesktopApi;
  }
}

/** The LabApi and how to hear that its link was re-established (then re-read the snapshot). */
export interface Transport {
  api: LabApi;
  onStatus(listener: StatusListener): () => void;
  /** How recordings are opened, downloaded or shown in this shell. */
  files: RecordingFiles;
}

/** The browser shell's WebSocket URL, from the page's own address and its `token` parameter. */
export function webSocketUrl(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${WS_PATH}?token=${encodeURIComponent(token)}`;
}

/** What the window says when the shell no longer accepts its token, and how to get the new URL. */
export function refusedMessage(port: string): string {
  const flag = port === '' || port === String(DEFAULT_SERVE_PORT) ? '' : ` --port ${port}`;
  return (
    'The lab server no longer accepts this page’s token: it was started with a new one (--new-token). ' +
    `Open the URL it printed, or print it again with: npm run serve -- --print-url${flag}`
  );
}

/** Whether the browser shell that served this page refuses its token (a plain GET of the WebSocket path: 401). */
async function tokenRefused(location: Location): Promise<string | null> {
  const check = webSocketUrl(location).replace(/^ws/, 'http');
  const response = await fetch(check, { cache: 'no-store' });
  return response.status === 401 ? refusedMessage(location.port) : null;
}

/** window.lab under Electron, else the WebSocket to the browser shell that served this page. */
export function pickTransport(win: Window): Transport {
  if (win.lab) {
    // The preload gives both; a page with window.lab and no files has nothing to download from.
    const files = win.labDesktop ? desktopFiles(win.labDesktop) : browserFiles({ search: '' });
    return { api: win.lab, onStatus: () => () => undefined, files };
  }
  const ws = createWsTransport(webSocketUrl(win.location), WebSocket, () => tokenRefused(win.location));
  return { api: ws, onStatus: (listener) => ws.onStatus(listener), files: browserFiles(win.location) };
}

export type { LinkStatus, StatusListener };
