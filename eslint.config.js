import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'coverage/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Who may import whom: the engine, the fleet and the host know no shell and no Electron
    // (the fleet's Electron launcher is the one exception); the browser shell knows no Electron.
    files: [
      'electron/lab/**/*.ts',
      'electron/fleet/**/*.ts',
      'electron/host/**/*.ts',
      'electron/teaching/**/*.ts',
      'electron/browser-shell/**/*.ts',
    ],
    ignores: ['electron/fleet/electron-launcher.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only electron/desktop-shell/ (and the fleet launcher) may import Electron.',
            },
          ],
          patterns: [
            {
              group: ['**/desktop-shell/*'],
              message: 'The desktop shell depends on the lab, never the reverse.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/lab/**/*.ts',
      'electron/fleet/**/*.ts',
      'electron/host/**/*.ts',
      'electron/teaching/**/*.ts',
    ],
    ignores: ['electron/fleet/electron-launcher.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The engine, the fleet, the host and the scenarios are plain Node.',
            },
          ],
          patterns: [
            {
              group: ['**/desktop-shell/*', '**/browser-shell/*'],
              message: 'The shells depend on the lab, never the reverse.',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer knows only the contract (shared/) and its own files.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to LabApi only.' }],
          patterns: [
            { group: ['**/electron/*', 'node:*'], message: 'The renderer knows only shared/ and renderer/.' },
          ],
        },
      ],
    },
  },
  {
    // No channel string outside the contract: the preload, ipc and renderer name channels via CHANNELS.
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/^(server|loop|engine|lab|connection|clients|recording):[a-z-]+$/]',
          message: 'Channel names live in shared/contract.ts (CHANNELS) only.',
        },
      ],
    },
  },
);
