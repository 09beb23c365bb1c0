// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW, sanitizeWindowState } from './window-state';

const display = { x: 0, y: 0, width: 1920, height: 1080 };

describe('sanitizeWindowState', () => {
  it('keeps a position that is on a display', () => {
    expect(
      sanitizeWindowState({ x: 10, y: 20, width: 1000, height: 700, maximized: true }, [display]),
    ).toEqual({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      maximized: true,
    });
  });
  it('drops a position on an unplugged monitor and clamps sizes', () => {
    expect(sanitizeWindowState({ x: 5000, y: 20, width: 10, height: 99_999 }, [display])).toEqual({
      width: 800,
      height: 10_000,
      maximized: false,
    });
  });
  it('falls back to defaults for garbage', () => {
    expect(sanitizeWindowState('nope', [display])).toEqual(DEFAULT_WINDOW);
    expect(sanitizeWindowState({ width: 'wide' }, [display])).toEqual(DEFAULT_WINDOW);
  });
});
