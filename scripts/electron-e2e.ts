import { join } from 'node:path';
import { electronRuntime } from '../e2e/electron/runtime';
import { runBin } from './package-bin';

/**
 * The last step of `npm test`: the Electron specs where Electron's runtime exists, else one
 * line saying why not. It runs what `npm run test:electron` runs, each tool's JS entry under
 * this Node.
 */
const ROOT = join(import.meta.dirname, '..');

const runtime = electronRuntime(ROOT);
if (!runtime.installed) {
  console.log(`Electron specs skipped: ${runtime.reason}. Run \`npm run test:electron\` where it is.`);
} else {
  const built = runBin(ROOT, 'electron-vite', 'electron-vite', ['build']).code;
  process.exit(
    built !== 0
      ? built
      : runBin(ROOT, '@playwright/test', 'playwright', ['test', '-c', 'e2e/electron/playwright.config.ts'])
          .code,
  );
}
