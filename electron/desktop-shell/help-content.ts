/**
 * What the Help menu shows, as plain data and strings (no `electron` import, so it is
 * unit-tested): the About text and the tutorial window's page.
 */
import { createHash } from 'node:crypto';
import { SEED_SOURCE } from '../../shared/seed';
import { TUTORIAL_SECTIONS, TUTORIAL_TITLE } from '../../shared/tutorial';

/** The versions a bug report needs, as About shows them. */
export interface AppVersions {
  app: string;
  electron: string;
  chrome: string;
  node: string;
  v8: string;
  os: string;
}

/** One line per component: `Socket Lab 0.1.0`, `Electron 45.4.1`, … */
export function versionLines(versions: AppVersions): string[] {
  return [
    `Socket Lab ${versions.app}`,
    `Electron ${versions.electron}`,
    `Chromium ${versions.chrome}`,
    `Node.js ${versions.node}`,
    `V8 ${versions.v8}`,
    `OS ${versions.os}`,
  ];
}

/** The About box: a headline and the details under it. */
export function aboutText(versions: AppVersions): { message: string; detail: string } {
  return {
    message: `Socket Lab ${versions.app}`,
    detail: [
      'See I/O multiplexing happen: a real select() echo server, its lists and queues, live.',
      '',
      ...versionLines(versions).slice(1),
    ].join('\n'),
  };
}

/** Text made safe to place between HTML tags or in a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const TUTORIAL_STYLE = `
:root { color-scheme: light dark; font: 15px/1.55 system-ui, sans-serif; }
body { margin: 0; }
main { max-width: 44rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; }
h2 { font-size: 1.1rem; margin: 1.6rem 0 0.4rem; }
pre { font: 13px/1.45 ui-monospace, Menlo, Consolas, monospace; padding: 0.8rem 1rem;
  border-radius: 6px; overflow-x: auto; background: rgba(127, 127, 127, 0.14); }
`;

/** The tutorial as one self-contained page: no script, no remote anything, CSP allows only its own style. */
export function tutorialHtml(): string {
  const styleHash = createHash('sha256').update(TUTORIAL_STYLE).digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${styleHash}'; base-uri 'none'; form-action 'none'`;
  const sections = TUTORIAL_SECTIONS.map((section) =>
    [
      `<section><h2>${escapeHtml(section.heading)}</h2>`,
      ...section.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
      section.code ? `<pre aria-label="The server's code"><code>${escapeHtml(SEED_SOURCE)}</code></pre>` : '',
      '</section>',
    ].join('\n'),
  );
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    `<title>${escapeHtml(TUTORIAL_TITLE)}</title>`,
    `<style>${TUTORIAL_STYLE}</style>`,
    `</head><body><main><h1>${escapeHtml(TUTORIAL_TITLE)}</h1>`,
    ...sections,
    '</main></body></html>',
  ].join('\n');
}
