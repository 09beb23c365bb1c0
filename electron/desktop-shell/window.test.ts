// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  allowedOrigins,
  allowNavigation,
  allowPermission,
  APP_URL,
  isAllowedUrl,
  isTrustedSender,
  originOf,
  windowOpenDecision,
  windowOptions,
} from './window';

const app = allowedOrigins(undefined);
const dev = allowedOrigins('http://localhost:5173/');

describe('window options', () => {
  it('keep the hardened web preferences of the Electron security checklist', () => {
    const prefs = windowOptions('/app/preload.cjs', { width: 900, height: 700 }).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });
});

describe('navigation guard', () => {
  it('allows the app itself and, under npm run dev, the dev server', () => {
    expect(allowNavigation(APP_URL, app)).toBe(true);
    expect(allowNavigation('app://socket-lab/index.html#/x', app)).toBe(true);
    expect(allowNavigation('http://localhost:5173/index.html', dev)).toBe(true);
  });

  it.each([
    'https://example.com',
    'https://example.com.attacker.com',
    'app://socket-lab.attacker.com/index.html',
    'app://socket-lab@attacker.com/',
    'app://attacker@socket-lab/',
    'file:///etc/passwd',
    'http://localhost:5173/',
    'javascript:alert(1)',
    'data:text/html,hi',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(allowNavigation(url, app)).toBe(false);
  });

  it('compares whole origins, never prefixes (the example.com.attacker.com trap)', () => {
    const origins = ['https://example.com'];
    expect(isAllowedUrl('https://example.com/page', origins)).toBe(true);
    expect(isAllowedUrl('https://example.com.attacker.com/page', origins)).toBe(false);
    expect(isAllowedUrl('https://example.com:8443/page', origins)).toBe(false);
    expect(isAllowedUrl('http://example.com/page', origins)).toBe(false);
    expect(originOf('https://EXAMPLE.com/x')).toBe('https://example.com');
  });
});

describe('window-open and permission guards', () => {
  it('denies every new window and every permission', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      expect(allowPermission(permission)).toBe(false);
    }
  });
});

describe('IPC sender guard', () => {
  const ours = { webContentsId: 7, frameUrl: APP_URL, isMainFrame: true };
  it('accepts the main frame of our window showing the app', () => {
    expect(isTrustedSender(ours, 7, app)).toBe(true);
  });
  it.each([
    ['another window', { ...ours, webContentsId: 8 }],
    ['a subframe', { ...ours, isMainFrame: false }],
    ['a foreign page', { ...ours, frameUrl: 'https://example.com.attacker.com/' }],
    ['an unknown frame', { ...ours, frameUrl: undefined }],
  ])('refuses %s', (_what, sender) => {
    expect(isTrustedSender(sender, 7, app)).toBe(false);
  });
});
