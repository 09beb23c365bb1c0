import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../shared/result';
import { newToken } from './guards';

/**
 * The browser shell's token, kept across restarts so an open tab reconnects by itself.
 * Like Jupyter's runtime files: a per-user folder only the user may enter, a file only the
 * user may read; a token that others could have read, or that is not one of ours, is replaced.
 */

/** Where the token lives: SOCKET_LAB_RUNTIME_DIR, else the platform's per-user data folder. */
export function runtimeDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = homedir(),
): string {
  if (env.SOCKET_LAB_RUNTIME_DIR) return env.SOCKET_LAB_RUNTIME_DIR;
  if (platform === 'win32')
    return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'socket-lab', 'runtime');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'socket-lab', 'runtime');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'socket-lab', 'runtime');
}

export const TOKEN_FILE = 'browser-shell-token';
const TOKEN = /^[A-Za-z0-9_-]{32}$/;
/** Permission bits are meaningless on Windows, where %APPDATA% is already the user's alone. */
const POSIX = process.platform !== 'win32';

/** The token and its file; `note` says why a new one was made when the old one could not be kept. */
export interface KeptToken {
  token: string;
  file: string;
  note: string | null;
}

const mine = (uid: number): boolean => !POSIX || uid === process.getuid?.();

/** The folder, made or tightened to the user alone; an error if it is not the user's own folder. */
async function ensureDir(dir: string): Promise<Result<null>> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const info = await lstat(dir);
  if (!info.isDirectory() || !mine(info.uid))
    return fail('INTERNAL', `${dir} is not a folder of yours: remove it, or set SOCKET_LAB_RUNTIME_DIR.`);
  if (POSIX && (info.mode & 0o077) !== 0) await chmod(dir, 0o700);
  return ok(null);
}

/** What a token file holds: a token to keep, or why it must be replaced; null when there is none. */
type Kept = { token: string } | { distrusted: string } | null;

async function readKept(file: string): Promise<Result<Kept>> {
  const info = await lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (!info) return ok(null);
  if (!info.isFile() || !mine(info.uid))
    return fail('INTERNAL', `${file} is not a file of yours: remove it, or set SOCKET_LAB_RUNTIME_DIR.`);
  if (POSIX && (info.mode & 0o077) !== 0) return ok({ distrusted: 'other users could read the old one' });
  const token = (await readFile(file, 'utf8')).trim();
  return ok(TOKEN.test(token) ? { token } : { distrusted: 'the file held no token' });
}

/** Writes a fresh token readable only by the user, atomically (no moment with a half-written file). */
async function writeNew(file: string): Promise<string> {
  const token = newToken();
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(temporary, `${token}\n`, { mode: 0o600, flag: 'wx' });
  await rename(temporary, file);
  return token;
}

/** The kept token, or a new one when asked (`--new-token`), when there is none, or when it cannot be trusted. */
export async function keptToken(dir: string, rotate = false): Promise<Result<KeptToken>> {
  const file = join(dir, TOKEN_FILE);
  try {
    const folder = await ensureDir(dir);
    if (!folder.ok) return folder;
    const kept = rotate ? ok(null) : await readKept(file);
    if (!kept.ok) return kept;
    if (kept.value && 'token' in kept.value) return ok({ token: kept.value.token, file, note: null });
    const note = kept.value ? `A new token was made: ${kept.value.distrusted}.` : null;
    return ok({ token: await writeNew(file), file, note });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return fail(
      'INTERNAL',
      `Cannot keep the token in ${file} (${code}): set SOCKET_LAB_RUNTIME_DIR to a folder of yours.`,
    );
  }
}

/** The token already kept in `dir`, for `--print-url` (which must not make one). */
export async function readToken(dir: string): Promise<Result<KeptToken>> {
  const file = join(dir, TOKEN_FILE);
  const kept = await readKept(file).catch(() => fail<Kept>('INTERNAL', `Cannot read ${file}.`));
  if (!kept.ok) return kept;
  if (kept.value && 'token' in kept.value) return ok({ token: kept.value.token, file, note: null });
  return fail('INTERNAL', `No usable token in ${file}: start the browser shell with npm run serve.`);
}
