import { describe, expect, it } from 'vitest';
import type { DesktopApi, LabApi } from '../../../shared/contract';
import { browserFiles } from '../replay/files';
import { pickTransport, refusedMessage, webSocketUrl } from '.';

describe('the renderer transport', () => {
  it('builds the WebSocket URL from the page address and its token', () => {
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:5170', search: '?token=abc_-1' })).toBe(
      'ws://127.0.0.1:5170/ws?token=abc_-1',
    );
    expect(webSocketUrl({ protocol: 'http:', host: 'localhost:1', search: '' })).toBe(
      'ws://localhost:1/ws?token=',
    );
  });

  it('tells a refused tab how to print the new URL, naming the port unless it is the default', () => {
    expect(refusedMessage('5170')).toMatch(/print it again with: npm run serve -- --print-url$/);
    expect(refusedMessage('41829')).toMatch(/npm run serve -- --print-url --port 41829$/);
  });

  it('uses window.lab when the Electron preload provided it', () => {
    const lab = { onDelta: () => () => undefined } as unknown as LabApi;
    const fakeWindow = { lab } as unknown as Window;
    expect(pickTransport(fakeWindow).api).toBe(lab);
  });

  it("opens and shows recordings through the desktop app's files when the preload gave them, else downloads", () => {
    const lab = { onDelta: () => () => undefined } as unknown as LabApi;
    const labDesktop = { onRecordingOpened: () => () => undefined } as unknown as DesktopApi;
    const desktop = pickTransport({ lab, labDesktop } as unknown as Window).files;
    expect(desktop.choose).toBeTypeOf('function');
    expect(desktop.show).toBeTypeOf('function');
    expect(desktop.downloadUrl).toBeUndefined();
    const browser = browserFiles({ search: '?token=abc_-1' });
    expect(browser.choose).toBeUndefined();
    expect(browser.downloadUrl?.('socket-lab-2026-12-03-114012.slrec.gz')).toBe(
      '/recordings/socket-lab-2026-12-03-114012.slrec.gz?token=abc_-1',
    );
  });
});
