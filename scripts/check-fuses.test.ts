// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadBuilderConfig } from './builder-config';
import { expectedFuses, fuseMismatches, parseFuseRead } from './check-fuses';

/** What `npx @electron/fuses@1.8.0 read --app …` prints for a correctly fused build (colours on). */
const FUSED_OUTPUT = [
  'Analyzing app: \u001b[36msocket-lab\u001b[39m',
  'Fuse Version: \u001b[36mv1\u001b[39m',
  '  \u001b[33mRunAsNode\u001b[39m is \u001b[31mDisabled\u001b[39m',
  '  \u001b[33mEnableCookieEncryption\u001b[39m is \u001b[32mEnabled\u001b[39m',
  '  \u001b[33mEnableNodeOptionsEnvironmentVariable\u001b[39m is \u001b[31mDisabled\u001b[39m',
  '  \u001b[33mEnableNodeCliInspectArguments\u001b[39m is \u001b[31mDisabled\u001b[39m',
  '  \u001b[33mEnableEmbeddedAsarIntegrityValidation\u001b[39m is \u001b[32mEnabled\u001b[39m',
  '  \u001b[33mOnlyLoadAppFromAsar\u001b[39m is \u001b[32mEnabled\u001b[39m',
  '  \u001b[33mLoadBrowserProcessSpecificV8Snapshot\u001b[39m is \u001b[31mDisabled\u001b[39m',
  '  \u001b[33mGrantFileProtocolExtraPrivileges\u001b[39m is \u001b[31mDisabled\u001b[39m',
].join('\n');

/** A stock Electron binary: the defaults, RunAsNode and the inspector on. */
const UNFUSED_OUTPUT = `Analyzing app: electron
Fuse Version: v1
  RunAsNode is Enabled
  EnableCookieEncryption is Disabled
  EnableNodeOptionsEnvironmentVariable is Enabled
  EnableNodeCliInspectArguments is Enabled
  EnableEmbeddedAsarIntegrityValidation is Disabled
  OnlyLoadAppFromAsar is Disabled
  LoadBrowserProcessSpecificV8Snapshot is Disabled
  GrantFileProtocolExtraPrivileges is Enabled
`;

const expected = expectedFuses(loadBuilderConfig().electronFuses ?? {});

describe('check-fuses', () => {
  it('maps electron-builder.yml to fuse names and states, leaving out non-fuse options', () => {
    expect(expected.get('RunAsNode')).toBe('Disabled');
    expect(expected.get('EnableNodeOptionsEnvironmentVariable')).toBe('Disabled');
    expect(expected.get('EnableNodeCliInspectArguments')).toBe('Disabled');
    expect(expected.get('OnlyLoadAppFromAsar')).toBe('Enabled');
    expect(expected.get('EnableEmbeddedAsarIntegrityValidation')).toBe('Enabled');
    expect(expected.has('ResetAdHocDarwinSignature')).toBe(false);
  });

  it('parses @electron/fuses output, colours and all', () => {
    const fuses = parseFuseRead(FUSED_OUTPUT);
    expect(fuses.size).toBe(8);
    expect(fuses.get('RunAsNode')).toBe('Disabled');
    expect(fuses.get('OnlyLoadAppFromAsar')).toBe('Enabled');
  });

  it('passes a correctly fused build', () => {
    expect(fuseMismatches(expected, parseFuseRead(FUSED_OUTPUT))).toEqual([]);
  });

  it('fails an unfused build, naming each wrong fuse', () => {
    const problems = fuseMismatches(expected, parseFuseRead(UNFUSED_OUTPUT));
    expect(problems).toContain('RunAsNode: expected Disabled, read Enabled');
    expect(problems).toContain('EnableNodeCliInspectArguments: expected Disabled, read Enabled');
    expect(problems).toContain('OnlyLoadAppFromAsar: expected Enabled, read Disabled');
  });

  it('fails when the read printed nothing (a wrong path, an error)', () => {
    expect(fuseMismatches(expected, parseFuseRead('Error: ENOENT'))).toHaveLength(expected.size);
  });
});
