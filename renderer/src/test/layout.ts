/**
 * jsdom lays nothing out, so every box measures 0 and a virtualized list shows no row.
 * Give elements a window-sized client box for rendering tests.
 */
export function fakeLayout(width = 320, height = 600): void {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => width });
}
