// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUES_URL, allowedExternalUrl, newIssueUrl } from './external-links';

const VERSIONS = {
  app: '0.1.0',
  electron: '45.4.1',
  chrome: '142.0',
  node: '22.20.0',
  v8: '14.2',
  os: 'Linux 6.1 x64',
};

describe('allowedExternalUrl', () => {
  it("allows the project's issue pages", () => {
    expect(allowedExternalUrl(ISSUES_URL)).toBe(ISSUES_URL);
    expect(allowedExternalUrl(`${ISSUES_URL}/new?body=hi`)).toBe(`${ISSUES_URL}/new?body=hi`);
    expect(allowedExternalUrl(`${ISSUES_URL}/42#issuecomment-1`)).toBe(`${ISSUES_URL}/42#issuecomment-1`);
  });

  it('returns the normalised URL, which is what gets opened', () => {
    expect(allowedExternalUrl('HTTPS://GitHub.com/socket-lab/socket-lab/issues/new')).toBe(
      `${ISSUES_URL}/new`,
    );
  });

  it.each([
    ['another host that starts the same', 'https://github.com.attacker.com/socket-lab/socket-lab/issues'],
    [
      'credentials that make github.com the user name',
      'https://github.com@attacker.com/socket-lab/socket-lab/issues',
    ],
    ['credentials on the right host', 'https://user:pass@github.com/socket-lab/socket-lab/issues'],
    ['plain http', 'http://github.com/socket-lab/socket-lab/issues'],
    ['an explicit port', 'https://github.com:8443/socket-lab/socket-lab/issues'],
    ['a subdomain', 'https://gist.github.com/socket-lab/socket-lab/issues'],
    ['another repository', 'https://github.com/attacker/socket-lab/issues'],
    ['a repository whose name starts the same', 'https://github.com/socket-lab/socket-lab-evil/issues'],
    ['a path that only starts the same', 'https://github.com/socket-lab/socket-lab/issuesX'],
    ['another page of the repository', 'https://github.com/socket-lab/socket-lab/settings'],
    ['dot segments that climb out', 'https://github.com/socket-lab/socket-lab/issues/../../../attacker/x'],
    ['encoded dot segments', 'https://github.com/socket-lab/socket-lab/issues/%2e%2e/%2e%2e/%2e%2e/attacker'],
    ['file:', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['a custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['a relative URL', '/socket-lab/socket-lab/issues'],
    ['not a URL', 'github.com/socket-lab/socket-lab/issues'],
    ['empty', ''],
  ])('refuses %s', (_why, url) => {
    expect(allowedExternalUrl(url)).toBeUndefined();
  });
});

describe('newIssueUrl', () => {
  it('is allowed and carries the versions in the body', () => {
    const url = newIssueUrl(VERSIONS);
    expect(allowedExternalUrl(url)).toBe(url);
    const body = new URL(url).searchParams.get('body') ?? '';
    expect(body).toContain('Socket Lab 0.1.0');
    expect(body).toContain('Electron 45.4.1');
    expect(body).toContain('Chromium 142.0');
  });
});

describe('ISSUES_URL', () => {
  it("is package.json's bugs.url", () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../..', 'package.json'), 'utf8')) as {
      bugs?: { url?: string };
    };
    expect(pkg.bugs?.url).toBe(ISSUES_URL);
  });
});
