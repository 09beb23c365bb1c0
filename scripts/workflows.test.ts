// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..');
const run = promisify(execFile);

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  shell?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  if?: string;
  steps: Step[];
  strategy?: { matrix: { include: Array<Record<string, string>> } };
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

function workflow(name: string): Workflow {
  const doc = parse(readFileSync(join(ROOT, '.github', 'workflows', name), 'utf8'), {
    uniqueKeys: true,
  }) as Workflow;
  expect(doc.jobs, `${name} has jobs`).toBeTypeOf('object');
  return doc;
}

const runs = (job: Job): string[] => job.steps.flatMap((step) => (step.run ? [step.run] : []));
const stepIndex = (job: Job, pattern: RegExp): number =>
  job.steps.findIndex((s) => pattern.test(s.run ?? ''));

/** `npm run X` and `npm test` in a command, as script names. */
function npmScripts(command: string): string[] {
  return [...command.matchAll(/\bnpm (?:run ([\w:-]+)|(test))\b/g)].map((m) => m[1] ?? m[2] ?? '');
}

describe('.github/workflows/ci.yml', () => {
  const ci = workflow('ci.yml');
  const check = ci.jobs.check;

  it('runs on every push', () => {
    expect(Object.keys(ci.on)).toContain('push');
    expect(ci.on.push ?? null).toBeNull(); // no branch filter
  });

  it('installs from the lockfile, then lints, typechecks and runs npm test, in that order', () => {
    expect(check).toBeDefined();
    if (!check) return;
    expect(check.steps.some((s) => s.uses?.startsWith('actions/checkout@'))).toBe(true);
    expect(check.steps.some((s) => s.uses?.startsWith('actions/setup-node@'))).toBe(true);
    const order = [/^npm ci$/, /^npm run lint$/, /^npm run typecheck$/, /^npm test$/].map((p) =>
      stepIndex(check, p),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('.github/workflows/release.yml', () => {
  const release = workflow('release.yml');
  const build = release.jobs.build;

  it('runs on version tags', () => {
    expect(release.on.push).toEqual({ tags: ['v*'] });
  });

  it('builds on Linux, macOS and Windows', () => {
    const oses = build?.strategy?.matrix.include.map((entry) => entry.os);
    expect(oses).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    expect(build?.['runs-on']).toBe('${{ matrix.os }}');
  });

  it('tests, runs the Electron e2e under xvfb on Linux, builds, checks the fuses, uploads', () => {
    expect(build).toBeDefined();
    if (!build) return;
    const test = stepIndex(build, /^npm test$/);
    const runtime = stepIndex(build, /node_modules\/electron\/install\.js/);
    const e2e = stepIndex(build, /xvfb-run .*npm run test:electron/);
    const dist = stepIndex(build, /^npm run dist$/);
    const fuses = stepIndex(build, /npx (--yes )?@electron\/fuses@[\d.]+ read --app/);
    const upload = build.steps.findIndex((s) => s.uses?.startsWith('actions/upload-artifact@'));
    // e2e on the unfused node_modules binary before dist; the fuse check on dist's output.
    expect([test, runtime, e2e, dist, fuses, upload].every((i) => i >= 0)).toBe(true);
    expect(test < runtime && runtime < e2e && e2e < dist && dist < fuses && fuses < upload).toBe(true);
    expect(build.steps[e2e]?.if).toBe("runner.os == 'Linux'");
    expect(build.steps[runtime]?.if).toBe("runner.os == 'Linux'");
    expect(build.steps[fuses]?.run).toContain('scripts/check-fuses.ts');
    expect(build.steps[upload]?.with?.['if-no-files-found']).toBe('error');
  });

  it('names each platform’s packaged apps and installers', () => {
    const byOs = new Map(build?.strategy?.matrix.include.map((entry) => [entry.os, entry]));
    expect(byOs.get('ubuntu-latest')?.apps).toBe('release/linux-unpacked/socket-lab');
    expect(byOs.get('ubuntu-latest')?.artifacts).toMatch(/\.AppImage[\s\S]*\.deb/);
    expect(byOs.get('macos-latest')?.apps?.split(';')).toEqual([
      'release/mac-arm64/Socket Lab.app',
      'release/mac/Socket Lab.app',
    ]);
    expect(byOs.get('macos-latest')?.artifacts).toBe('release/*.dmg');
    expect(byOs.get('windows-latest')?.apps).toBe('release/win-unpacked/Socket Lab.exe');
    expect(byOs.get('windows-latest')?.artifacts).toBe('release/*.exe');
  });

  it('drafts a release from the uploaded installers, only for tags', () => {
    const publish = release.jobs.publish;
    expect(publish?.needs).toBe('build');
    expect(publish?.if).toContain("startsWith(github.ref, 'refs/tags/v')");
    expect(publish?.steps.some((s) => s.uses?.startsWith('actions/download-artifact@'))).toBe(true);
    expect(runs(publish ?? { 'runs-on': '', steps: [] }).join('\n')).toMatch(/gh release create/);
  });
});

/** What GitHub's own workflow parser says of `files`, via scripts/check-workflows.ts under tsx. */
async function githubErrors(...files: string[]): Promise<Record<string, string[]>> {
  const script = join(ROOT, 'scripts', 'check-workflows.ts');
  const child = await run(process.execPath, ['--import', 'tsx', script, ...files], { cwd: ROOT }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '{}' }),
  );
  return JSON.parse(child.stdout) as Record<string, string[]>;
}

describe('both workflows', () => {
  it("are valid for GitHub's own workflow parser and schema", async () => {
    const dir = join(ROOT, '.github', 'workflows');
    const report = await githubErrors(join(dir, 'ci.yml'), join(dir, 'release.yml'));
    expect(report).toEqual({ 'ci.yml': [], 'release.yml': [] });
  });

  it("GitHub's parser catches a broken workflow (so the check above means something)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'socket-lab-workflow-'));
    try {
      const broken = join(dir, 'broken.yml');
      writeFileSync(
        broken,
        'on: push\njobs:\n  a:\n    runs-on: x\n    stepz: []\n    steps:\n      - run: echo ${{ matrix.os }\n',
      );
      const errors = (await githubErrors(broken))['broken.yml']?.join('\n') ?? '';
      expect(errors).toMatch(/Unexpected value 'stepz'/);
      expect(errors).toMatch(/expression is not closed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('only run npm scripts that package.json defines', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const used = ['ci.yml', 'release.yml'].flatMap((name) =>
      Object.values(workflow(name).jobs).flatMap((job) => runs(job).flatMap(npmScripts)),
    );
    expect(used).toEqual(expect.arrayContaining(['lint', 'typecheck', 'test', 'dist', 'test:electron']));
    expect(used.filter((script) => !(script in pkg.scripts))).toEqual([]);
  });
});
