import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Whether Electron's runtime binary is present, without triggering its lazy download. */
export interface ElectronRuntime {
  installed: boolean;
  executablePath: string | null;
  reason: string;
}

/**
 * electron 45's npm package downloads its binary on first use (`npm start`); until then
 * node_modules/electron has no path.txt / dist/. Respects ELECTRON_OVERRIDE_DIST_PATH.
 */
export function electronRuntime(root: string): ElectronRuntime {
  const pkg = join(root, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const executablePath = override
    ? join(override, relative ?? 'electron')
    : relative
      ? join(pkg, 'dist', relative)
      : null;
  if (executablePath && existsSync(executablePath)) {
    return { installed: true, executablePath, reason: `Electron runtime at ${executablePath}` };
  }
  return {
    installed: false,
    executablePath: null,
    reason:
      "Electron's runtime is not installed (node_modules/electron has no binary; it downloads on first " +
      '`npm start`, which needs internet access)',
  };
}
