import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { electronRuntime } from './runtime';

const root = join(import.meta.dirname, '../..');

/** Electron's runtime binary, if installed: specs skip with its `reason` where it is not. */
export const runtime = electronRuntime(root);

/** The built app (out/main/main.js), running on a profile of its own. */
export interface LaunchedApp {
  app: ElectronApplication;
  /** Quits the app and deletes its profile. */
  close(): Promise<void>;
}

/** Launches the built app with a fresh user-data folder, so no run sees another's window state. */
export async function launchApp(): Promise<LaunchedApp> {
  const userData = mkdtempSync(join(tmpdir(), 'socket-lab-e2e-'));
  const app = await electron.launch({
    executablePath: runtime.executablePath ?? undefined,
    args: [join(root, 'out/main/main.js'), `--user-data-dir=${userData}`],
  });
  return {
    app,
    close: async () => {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    },
  };
}

/** A window's URL and the `keys` of the web preferences Electron applied to it (undefined if unreadable). */
export interface AppliedPreferences {
  url: string;
  prefs: Record<string, unknown> | undefined;
}

/** Every open window's applied web preferences, read in the main process. */
export function appliedPreferences(
  app: ElectronApplication,
  keys: readonly string[],
): Promise<AppliedPreferences[]> {
  return app.evaluate(
    ({ BrowserWindow }, wanted) =>
      BrowserWindow.getAllWindows().map((window) => {
        // Electron's own tests read the applied preferences this way; it is not in the typings.
        const contents = window.webContents as unknown as {
          getLastWebPreferences?: () => Record<string, unknown>;
        };
        const p = contents.getLastWebPreferences?.();
        return {
          url: window.webContents.getURL(),
          prefs: p && Object.fromEntries(wanted.map((key) => [key, p[key]])),
        };
      }),
    keys,
  );
}
