import { defineConfig } from '@playwright/test';

/** Electron specs (`npm run test:electron`): they launch the built app (out/main/main.js) themselves. */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? 'line' : 'list',
  use: { trace: 'retain-on-failure' },
});
