import { join } from 'node:path';
import { obtainElectronRuntime } from './electron-runtime';

/** Before `npm run dev` / `npm run test:electron`: Electron's runtime, or one message saying what to do. */
const obtained = await obtainElectronRuntime(join(import.meta.dirname, '..'));
if (!obtained.ok) {
  console.error(
    `Could not download Electron's runtime (${obtained.why}): this needs internet access to GitHub, or ` +
      'ELECTRON_MIRROR set to a mirror. You can run the same lab in a browser instead: npm run serve',
  );
  process.exit(1);
}
