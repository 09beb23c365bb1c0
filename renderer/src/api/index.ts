import type { LabApi } from '../../../shared/contract';
import { WS_PATH } from '../../../shared/wire';
import { createWsTransport, type LinkStatus, type StatusListener } from './ws-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser shell. */
    lab?: LabApi;
  }
}

/** The LabApi and how to hear that its link was re-established (then re-read the snapshot). */
export interface Transport {
  api: LabApi;
  onStatus(listener: StatusListener): () => void;
}

/** The browser shell's WebSocket URL, from the page's own address and its `token` parameter. */
export function webSocketUrl(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${WS_PATH}?token=${encodeURIComponent(token)}`;
}

/** window.lab under Electron, else the WebSocket to the browser shell that served this page. */
export function pickTransport(win: Window): Transport {
  if (win.lab) return { api: win.lab, onStatus: () => () => undefined };
  const ws = createWsTransport(webSocketUrl(win.location));
  return { api: ws, onStatus: (listener) => ws.onStatus(listener) };
}

export type { LinkStatus, StatusListener };
