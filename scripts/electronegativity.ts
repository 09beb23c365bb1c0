import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** One electronegativity finding, as its CSV report gives it. */
export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
  description: string;
}

/** A reviewed finding: a HIGH check on a file that a person looked at, and why it is fine. */
export interface Allowed {
  check: string;
  file: string;
  reason: string;
}

/** RFC 4180 CSV (quoted fields, doubled quotes, commas and newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) field += c;
    else if (c === ',') endField();
    else if (c === '\n') endRow();
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

/** Findings from the tool's CSV report (its header row skipped). */
export function parseFindings(csv: string): Finding[] {
  return parseCsv(csv)
    .slice(1)
    .map(
      ([
        check = '',
        severity = '',
        confidence = '',
        file = '',
        location = '',
        sample = '',
        description = '',
      ]) => ({
        check: check.trim(),
        severity: severity.trim(),
        confidence: confidence.trim(),
        file: file.trim(),
        location: location.trim(),
        sample,
        description,
      }),
    );
}

/** HIGH findings no allowlist entry covers. */
export const unlistedHigh = (findings: Finding[], allowlist: readonly Allowed[]): Finding[] =>
  findings.filter(
    (f) => f.severity === 'HIGH' && !allowlist.some((a) => a.check === f.check && a.file === f.file),
  );

/**
 * Runs electronegativity over `dirs` of the project in one pass (a temp folder of links
 * to them), offline (scripts/offline.cjs), and returns its findings. The tool exits 0
 * whatever it finds, so the caller judges the findings.
 */
export function runElectronegativity(
  root: string,
  dirs: readonly string[],
  electronVersion: string,
): Finding[] {
  const scan = mkdtempSync(join(tmpdir(), 'socket-lab-electronegativity-'));
  try {
    for (const dir of dirs) symlinkSync(resolve(root, dir), join(scan, dir), 'dir');
    const report = join(scan, 'report.csv');
    const cli = createRequire(join(root, 'package.json')).resolve(
      '@doyensec/electronegativity/dist/index.js',
    );
    execFileSync(
      process.execPath,
      [
        '-r',
        join(root, 'scripts/offline.cjs'),
        cli,
        '-i',
        scan,
        '-o',
        report,
        '-r',
        '-v',
        'false',
        '-e',
        electronVersion,
        '-x',
        'availablesecurityfixesglobalcheck',
      ],
      { stdio: 'pipe', timeout: 60_000 },
    );
    return parseFindings(readFileSync(report, 'utf8'));
  } finally {
    rmSync(scan, { recursive: true, force: true });
  }
}
