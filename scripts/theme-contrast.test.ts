import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The colour tokens' promise in the window's base.css, checked as numbers: every text colour
 * reads at 4.5:1 (WCAG AA) on every background, in both themes. axe checks what is on screen,
 * but reports a chip's gradient (a -bg tint fading into --panel) as "needs review": this
 * covers both ends of it.
 */
const css = readFileSync(join(import.meta.dirname, '../renderer/src/styles/base.css'), 'utf8');

const TEXT = ['text', 'muted', 'readable', 'writable', 'exceptional', 'listener', 'accent'];
const CODE = ['tok-kw', 'tok-str', 'tok-num'];
const BACKGROUNDS = [
  'bg',
  'panel',
  'panel-2',
  'readable-bg',
  'writable-bg',
  'exceptional-bg',
  'listener-bg',
  'lit',
  'here',
];

function tokens(block: string): Map<string, string> {
  return new Map(
    [...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1] ?? '', m[2] ?? '']),
  );
}

const light = tokens(/:root\s*{([^}]*)}/.exec(css)?.[1] ?? '');
const dark = new Map([
  ...light,
  ...tokens(/prefers-color-scheme:\s*dark\)\s*{\s*:root\s*{([^}]*)}/.exec(css)?.[1] ?? ''),
]);

const luminance = (hex: string): number => {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

const ratio = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
};

describe.each([
  ['light', light],
  ['dark', dark],
])('the %s theme', (_name, theme) => {
  it('defines every token', () => {
    for (const token of [...TEXT, ...CODE, ...BACKGROUNDS, 'accent-text'])
      expect(theme.get(token), token).toBeTruthy();
  });

  it('reads at 4.5:1 or more: every text colour on every background, and on the accent', () => {
    const low = [...TEXT, ...CODE].flatMap((fg) =>
      BACKGROUNDS.map((bg) => ({
        pair: `${fg} on ${bg}`,
        ratio: ratio(theme.get(fg) ?? '', theme.get(bg) ?? ''),
      })),
    );
    low.push({
      pair: 'accent-text on accent',
      ratio: ratio(theme.get('accent-text') ?? '', theme.get('accent') ?? ''),
    });
    expect(low.filter((p) => p.ratio < 4.5)).toEqual([]);
  });
});
