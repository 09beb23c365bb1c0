import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const nodeTests = ['shared', 'electron', 'bench', 'scripts', 'differential'].map(
  (dir) => `${dir}/**/*.test.{ts,tsx}`,
);

/** Projects extend the root (`extends: true`) so the timeouts below reach them. Node-side tests run in node; renderer tests in jsdom (a file may override with @vitest-environment). */
export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'node', include: nodeTests, environment: 'node' } },
      {
        extends: true,
        plugins: [react()],
        test: { name: 'renderer', include: ['renderer/**/*.test.{ts,tsx}'], environment: 'jsdom' },
      },
    ],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
