// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SEED_SOURCE } from '../../shared/seed';
import { TUTORIAL_SECTIONS, TUTORIAL_TITLE } from '../../shared/tutorial';
import { aboutText, escapeHtml, tutorialHtml, versionLines } from './help-content';

const VERSIONS = {
  app: '0.1.0',
  electron: '45.4.1',
  chrome: '142.0.1',
  node: '22.20.0',
  v8: '14.2',
  os: 'Darwin 25 arm64',
};

describe('About', () => {
  it('shows the app version and Electron, Chromium and Node versions', () => {
    const { message, detail } = aboutText(VERSIONS);
    expect(message).toBe('Socket Lab 0.1.0');
    expect(detail).toContain('Electron 45.4.1');
    expect(detail).toContain('Chromium 142.0.1');
    expect(detail).toContain('Node.js 22.20.0');
  });

  it('copies one line per component', () => {
    expect(versionLines(VERSIONS)).toEqual([
      'Socket Lab 0.1.0',
      'Electron 45.4.1',
      'Chromium 142.0.1',
      'Node.js 22.20.0',
      'V8 14.2',
      'OS Darwin 25 arm64',
    ]);
  });
});

describe('the tutorial page', () => {
  const html = tutorialHtml();
  const text = (s: string): string => escapeHtml(s);

  it('carries every section and the server’s code, escaped', () => {
    expect(html).toContain(`<h1>${text(TUTORIAL_TITLE)}</h1>`);
    for (const section of TUTORIAL_SECTIONS) {
      expect(html).toContain(`<h2>${text(section.heading)}</h2>`);
      for (const paragraph of section.paragraphs) expect(html).toContain(`<p>${text(paragraph)}</p>`);
    }
    expect(html).toContain(text(SEED_SOURCE));
    expect(html).toContain('select.select(inputs, outputs, inputs)');
  });

  it('explains the three lists and the loops, in its own words', () => {
    const all = TUTORIAL_SECTIONS.flatMap((s) => s.paragraphs).join(' ');
    for (const word of [
      'inputs',
      'outputs',
      'message_queues',
      'readable',
      'writable',
      'exceptional',
      'recv(1024)',
    ]) {
      expect(all).toContain(word);
    }
    expect(TUTORIAL_SECTIONS.filter((s) => s.code)).toHaveLength(1);
  });

  it('has a CSP that allows nothing but its own style, by hash', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|https?:\/\//i);
  });

  it('escapes markup in text', () => {
    expect(escapeHtml(`<b a="1">'&'</b>`)).toBe('&#60;b a=&#34;1&#34;&#62;&#39;&#38;&#39;&#60;/b&#62;');
  });
});
