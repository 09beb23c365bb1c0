import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { electronRuntime } from '../e2e/electron/runtime';

/**
 * Before `npm start` / `npm run dev`: Electron 45's package fetches its runtime lazily, but
 * electron-vite only looks for it ("Electron uninstall"). So fetch it here, once, with
 * Electron's own installer, and say plainly what to do when this machine cannot.
 */
const ROOT = join(import.meta.dirname, '..');

if (!electronRuntime(ROOT).installed) {
  console.log("Downloading Electron's runtime (first run only, about 100 MB)…");
  const installer = createRequire(import.meta.url).resolve('electron/install.js');
  const result = spawnSync(process.execPath, [installer], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0 || !electronRuntime(ROOT).installed) {
    console.error(
      "\nCould not download Electron's runtime: this needs internet access to GitHub (or set " +
        'ELECTRON_MIRROR to a mirror).\nYou can run the same lab in a browser instead: npm run serve',
    );
    process.exit(1);
  }
}
