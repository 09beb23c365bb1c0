import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/** Debian's chromium by default (Playwright's own download is unreachable here); overridable; else Playwright's. */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = existsSync(chromiumPath) ? chromiumPath : undefined;

/**
 * Browser specs against the browser shell (`npm run serve`). The shell listens on a
 * fresh port (0) and prints its URL with the per-run token; `wait` captures it into
 * SOCKETLAB_URL for the specs. Electron specs have their own config in e2e/electron/.
 */
export default defineConfig({
  testDir: 'e2e',
  testIgnore: ['electron/**'],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'npx tsx electron/serve.ts --port 0',
    wait: { stdout: /(?<socketlab_url>http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/ },
    stdout: 'pipe',
    // The shell keeps its token in a folder of this checkout's, never in the user's own.
    env: {
      SOCKET_LAB_RUNTIME_DIR: join(import.meta.dirname, 'node_modules/.cache/socket-lab-e2e-runtime'),
      SOCKET_LAB_RECORDINGS_DIR: join(import.meta.dirname, 'node_modules/.cache/socket-lab-e2e-recordings'),
    },
    timeout: 30_000,
    reuseExistingServer: false,
  },
});
