// @vitest-environment node
import { chmod, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keptToken, readToken, runtimeDir, TOKEN_FILE } from './token-file';

const posix = process.platform !== 'win32';
let base: string;
let dir: string;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'socket-lab-token-'));
  dir = join(base, 'runtime');
});
afterEach(() => rm(base, { recursive: true, force: true }));

const value = async <T>(
  result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
) => {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('runtimeDir', () => {
  it("is the platform's per-user data folder, like Jupyter's runtime files, unless SOCKET_LAB_RUNTIME_DIR says", () => {
    expect(runtimeDir({}, 'linux', '/home/ada')).toBe('/home/ada/.local/share/socket-lab/runtime');
    expect(runtimeDir({ XDG_DATA_HOME: '/data' }, 'linux', '/home/ada')).toBe('/data/socket-lab/runtime');
    expect(runtimeDir({}, 'darwin', '/Users/ada')).toBe(
      '/Users/ada/Library/Application Support/socket-lab/runtime',
    );
    expect(runtimeDir({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ada')).toContain(
      'socket-lab',
    );
    expect(runtimeDir({ SOCKET_LAB_RUNTIME_DIR: '/tmp/x' }, 'linux', '/home/ada')).toBe('/tmp/x');
  });
});

describe('the kept token', () => {
  it('is made once, readable only by the user, and the same on every restart until --new-token', async () => {
    const first = await value(keptToken(dir));
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(first.file).toBe(join(dir, TOKEN_FILE));
    if (posix) {
      expect((await stat(first.file)).mode & 0o777).toBe(0o600);
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
    }
    expect((await value(keptToken(dir))).token).toBe(first.token);
    expect((await value(readToken(dir))).token).toBe(first.token);
    const rotated = await value(keptToken(dir, true));
    expect(rotated.token).not.toBe(first.token);
    expect((await readFile(rotated.file, 'utf8')).trim()).toBe(rotated.token);
  });

  it('is replaced, saying why, when others could read it or it holds no token', async () => {
    const { token, file } = await value(keptToken(dir));
    if (posix) {
      await chmod(file, 0o644);
      const replaced = await value(keptToken(dir));
      expect(replaced.token).not.toBe(token);
      expect(replaced.note).toMatch(/other users could read the old one/);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    }
    await writeFile(file, 'not a token', { mode: 0o600 });
    expect((await value(keptToken(dir))).note).toMatch(/held no token/);
  });

  it.skipIf(!posix)(
    'tightens a folder others may enter, and refuses a link in place of the file',
    async () => {
      await value(keptToken(dir));
      await chmod(dir, 0o755);
      await value(keptToken(dir));
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
      const elsewhere = join(base, 'elsewhere');
      await writeFile(elsewhere, 'x'.repeat(32));
      await rm(join(dir, TOKEN_FILE));
      await symlink(elsewhere, join(dir, TOKEN_FILE));
      const refused = await keptToken(dir);
      expect(refused).toMatchObject({ ok: false, error: { message: /is not a file of yours/ } });
    },
  );

  it('--print-url needs a token already kept', async () => {
    expect(await readToken(dir)).toMatchObject({ ok: false, error: { message: /start the browser shell/ } });
  });
});
