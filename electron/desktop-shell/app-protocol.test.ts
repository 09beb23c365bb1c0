// @vitest-environment node
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from './app-protocol';

const root = '/opt/lab/renderer';

describe('resolveAppPath', () => {
  it('maps app://socket-lab/ paths into the renderer folder', () => {
    expect(resolveAppPath('app://socket-lab/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://socket-lab/assets/index-1.js?x=1', root)).toBe(
      join(root, 'assets/index-1.js'),
    );
  });
  it.each([
    'app://socket-lab/../main/main.js',
    'app://socket-lab/%2e%2e/%2e%2e/etc/passwd',
    'app://socket-lab/..%2f..%2fetc/passwd',
    'app://socket-lab/a/..%2f..%2f..%2fetc/passwd',
  ])('never leaves the renderer folder for %s', (url) => {
    const file = resolveAppPath(url, root);
    expect(file === null || file.startsWith(`${root}/`)).toBe(true);
  });
  it.each([
    'app://socket-lab/a%5c..%5c..%5csecret',
    'app://socket-lab/%00',
    'app://other/index.html',
    'https://socket-lab/index.html',
    'app://socket-lab/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });
});
