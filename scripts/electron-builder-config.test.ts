// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TargetConfiguration } from 'electron-builder';
import { BUILDER_CONFIG_PATH, loadBuilderConfig, schemaErrors } from './builder-config';
import { electronBuilderArgs } from './dist';
import { ICON_DIR, ICON_FILES } from './icons';

const ROOT = join(import.meta.dirname, '..');
const config = loadBuilderConfig();

/** `{ target, arch }` entries of a platform's `target`, as name → archs. */
function targets(target: unknown): Map<string, string[]> {
  const list = (Array.isArray(target) ? target : [target]) as Array<string | TargetConfiguration>;
  return new Map(
    list.map((entry) =>
      typeof entry === 'string' ? [entry, []] : [entry.target, [entry.arch ?? []].flat().map(String)],
    ),
  );
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own JSON schema", () => {
    expect(schemaErrors(config)).toEqual([]);
  });

  it('the schema check catches a bad config (so the test above means something)', () => {
    expect(schemaErrors({ ...config, asar: 'yes please' }).length).toBeGreaterThan(0);
    expect(schemaErrors({ ...config, mac: { categry: 'typo' } }).length).toBeGreaterThan(0);
  });

  it('names the app and ships it as an asar of what electron-vite built', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      productName: string;
      main: string;
    };
    expect(config.appId).toMatch(/^[a-z][\w-]*(\.[A-Za-z][\w-]*)+$/);
    expect(config.productName).toBe('Socket Lab');
    expect(config.productName).toBe(pkg.productName);
    expect(config.asar).toBe(true);
    expect(config.files).toContain('out/**/*');
    expect(pkg.main.startsWith('out/')).toBe(true);
    expect(config.directories?.output).toBe('release');
  });

  it('builds Linux AppImage and deb, macOS dmg for arm64 and x64, Windows NSIS', () => {
    expect(targets(config.linux?.target)).toEqual(
      new Map([
        ['AppImage', ['x64']],
        ['deb', ['x64']],
      ]),
    );
    expect(targets(config.mac?.target)).toEqual(new Map([['dmg', ['arm64', 'x64']]]));
    expect(targets(config.win?.target)).toEqual(new Map([['nsis', ['x64']]]));
  });

  it('files the app in each platform’s category', () => {
    expect(config.mac?.category).toBe('public.app-category.developer-tools');
    expect(config.linux?.category).toBe('Development');
    expect(config.linux?.maintainer).toMatch(/<[^@\s]+@[^@\s]+>/); // deb refuses a package without one
  });

  it('flips the fuses that matter: no RunAsNode, NODE_OPTIONS or inspector; asar only, with integrity', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.disableAsarIntegrity ?? false).toBe(false); // the integrity fuse needs the embedded hash
  });

  it('points every platform at the generated icon set', () => {
    const rel = (name: string): string =>
      join(ICON_DIR, name)
        .slice(ROOT.length + 1)
        .split('\\')
        .join('/');
    expect(config.mac?.icon).toBe(rel(ICON_FILES.icns));
    expect(config.win?.icon).toBe(rel(ICON_FILES.ico));
    expect(config.linux?.icon).toBe(rel(ICON_FILES.linux));
    expect(config.directories?.buildResources).toBe('build');
  });

  it('is the file dist passes to electron-builder', () => {
    const args = electronBuilderArgs(['--linux', 'deb']);
    expect(join(ROOT, args[args.indexOf('--config') + 1] ?? '')).toBe(BUILDER_CONFIG_PATH);
    expect(args.slice(args.indexOf('--publish'), args.indexOf('--publish') + 2)).toEqual([
      '--publish',
      'never',
    ]);
    expect(args.slice(-2)).toEqual(['--linux', 'deb']);
  });
});
