/**
 * The only web pages the app may open in the user's browser. Plain module (no `electron`
 * import) so the allowlist is unit-tested; electron/desktop-shell/menu.ts calls shell.openExternal with
 * nothing but what allowedExternalUrl returns.
 */
import { versionLines, type AppVersions } from './help-content';

/** The project's issue tracker (package.json `bugs.url` says the same; a test keeps them equal). */
export const ISSUES_URL = 'https://github.com/socket-lab/socket-lab/issues';

/** Each allowed place: an exact origin and a path prefix matched on whole segments. */
const ALLOWLIST: ReadonlyArray<{ origin: string; path: string }> = [
  { origin: 'https://github.com', path: '/socket-lab/socket-lab/issues' },
];

/**
 * The normalised URL to hand to shell.openExternal, or undefined when it is not allowed.
 * Rule (Electron security checklist §15, "do not use shell.openExternal with untrusted
 * content"): https only, no credentials or port, exact origin (so no
 * `github.com.attacker.com`), path inside the allowed prefix after `..` is resolved.
 */
export function allowedExternalUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return undefined;
  const allowed = ALLOWLIST.some(
    ({ origin, path }) =>
      url.origin === origin && (url.pathname === path || url.pathname.startsWith(`${path}/`)),
  );
  return allowed ? url.href : undefined;
}

/** A "new issue" link with the versions already filled in. */
export function newIssueUrl(versions: AppVersions): string {
  const body = [
    '**What happened**',
    '',
    '**What you expected**',
    '',
    '**Steps to reproduce**',
    '',
    '**Versions**',
    '```',
    versionLines(versions).join('\n'),
    '```',
  ].join('\n');
  return `${ISSUES_URL}/new?${new URLSearchParams({ body }).toString()}`;
}
