import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * `npm run dev` only: Vite's dev server injects CSS as <style> elements and talks to its
 * HMR WebSocket, which the strict CSP forbids. Built files keep the strict policy.
 */
const relaxCspForDevServer = (): Plugin => ({
  name: 'socket-lab:dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws://localhost:*"),
});

/**
 * Three builds: the main process (ESM, deps external), the preload (CommonJS and
 * self-contained, because a sandboxed preload may require only `electron`), and the
 * renderer (the same bundle both shells serve).
 */
export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // The fleet worker is its own entry: Electron forks it as a utility process (out/main/fleet.js);
      // so is the recording's disk thread, a worker_threads Worker (out/main/recording-worker.js).
      lib: {
        entry: {
          main: resolve(root, 'electron/desktop-shell/main.ts'),
          fleet: resolve(root, 'electron/fleet/worker.ts'),
          'recording-worker': resolve(root, 'electron/recording/disk-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // Bundle zod and shared/ into the one file: the sandbox has no require() for them.
      externalizeDeps: false,
      lib: { entry: resolve(root, 'electron/desktop-shell/preload.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), relaxCspForDevServer()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
