// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOWLIST } from './electronegativity-allowlist';
import {
  parseCsv,
  parseFindings,
  runElectronegativity,
  unlistedHigh,
  type Finding,
} from './electronegativity';

const root = join(import.meta.dirname, '..');
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;

describe('electronegativity over electron/ and renderer/', () => {
  it('finds no HIGH issue that the reviewed allowlist does not explain', () => {
    // The scan really ran when it reports the CSP it found in renderer/index.html. On a loaded
    // machine the tool has (rarely) returned a report without it: scan once more before failing.
    const complete = (findings: Finding[]) => findings.some((f) => f.file === 'renderer/index.html');
    let findings = runElectronegativity(root, ['electron', 'renderer'], electronVersion);
    if (!complete(findings)) findings = runElectronegativity(root, ['electron', 'renderer'], electronVersion);
    expect(complete(findings)).toBe(true);
    const unexplained = unlistedHigh(findings, ALLOWLIST).map(
      (f) => `${f.check} ${f.file}:${f.location} ${f.sample}`,
    );
    expect(unexplained).toEqual([]);
  }, 120_000);

  it('every allowlist entry gives a reason', () => {
    for (const entry of ALLOWLIST) expect(entry.reason.length).toBeGreaterThan(30);
  });
});

describe('the CSV report parser', () => {
  it('reads quoted fields with commas, doubled quotes and newlines', () => {
    expect(parseCsv('a, b\n"x,1","say ""hi""","two\nlines"\r\n')).toEqual([
      ['a', ' b'],
      ['x,1', 'say "hi"', 'two\nlines'],
    ]);
  });
  it('flags HIGH findings unless allowlisted by check and file', () => {
    const csv =
      'issue, severity, confidence, filename, location, sample, description, url\n' +
      'NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","electron/x.ts","1:1","new BrowserWindow(o)","d",u\n' +
      'CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","electron/desktop-shell/window.ts","9:9","s","d",u\n' +
      'SANDBOX_JS_CHECK,"MEDIUM","FIRM","electron/x.ts","1:1","s","d",u\n';
    const unexplained = unlistedHigh(parseFindings(csv), ALLOWLIST);
    expect(unexplained.map((f) => f.check)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
  });
});
