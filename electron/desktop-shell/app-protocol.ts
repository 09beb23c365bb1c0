import { fileUnderRoot } from '../static-path';
import { APP_HOST, APP_SCHEME } from './window';

/**
 * The file under `root` that an app:// URL names, or null when the URL is not ours
 * or tries to leave `root` (`..`, encoded slashes). Pure, so it is tested without Electron.
 */
export function resolveAppPath(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  return fileUnderRoot(parsed.pathname, root);
}
