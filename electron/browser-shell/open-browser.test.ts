// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { browserCommand } from './open-browser';

const url = 'http://127.0.0.1:5170/?token=t';

describe('browserCommand', () => {
  it("uses the platform's opener, and none on a Linux box without a display", () => {
    expect(browserCommand(url, {}, 'darwin')).toEqual(['open', [url]]);
    expect(browserCommand(url, {}, 'win32')).toEqual(['cmd', ['/c', 'start', '', url]]);
    expect(browserCommand(url, { DISPLAY: ':0' }, 'linux')).toEqual(['xdg-open', [url]]);
    expect(browserCommand(url, { WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toEqual(['xdg-open', [url]]);
    expect(browserCommand(url, {}, 'linux')).toBeNull();
  });

  it('honours $BROWSER (its first choice, %s for the URL); "none" opens nothing', () => {
    expect(browserCommand(url, { BROWSER: 'firefox:chromium' }, 'linux')).toEqual(['firefox', [url]]);
    expect(browserCommand(url, { BROWSER: 'chromium --new-window %s' }, 'linux')).toEqual([
      'chromium',
      ['--new-window', url],
    ]);
    expect(browserCommand(url, { BROWSER: 'none', DISPLAY: ':0' }, 'linux')).toBeNull();
    expect(browserCommand(url, { BROWSER: '' }, 'darwin')).toBeNull();
  });
});
