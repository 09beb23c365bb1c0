import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { electronRuntime } from '../e2e/electron/runtime';

/** The last step of `npm test`: the Electron specs where Electron's runtime exists, else one line saying why not. */
const runtime = electronRuntime(join(import.meta.dirname, '..'));
if (!runtime.installed) {
  console.log(`Electron specs skipped: ${runtime.reason}. Run \`npm run test:electron\` where it is.`);
} else {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['run', 'test:electron'], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
