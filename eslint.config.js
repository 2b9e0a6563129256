// Lint: typescript-eslint recommended, plus the layering rules (shared/ pure, renderer/ without Node/Electron).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'zlib', 'stream', 'util', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // shared/ is pure: it runs in main, renderer, CLI and tests alike.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'shared/ must stay pure: no Electron.' },
          { name: 'react', message: 'shared/ must stay pure: no React.' },
          { name: 'react-dom', message: 'shared/ must stay pure: no React.' }],
        patterns: [{ group: nodeBuiltins, message: 'shared/ must stay pure: no Node built-ins.' }],
      }],
    },
  },
  {
    // The renderer reaches main only through the typed client in renderer/src/api.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'renderer/ must not import Electron; use renderer/src/api.' }],
        patterns: [{ group: nodeBuiltins, message: 'renderer/ must not import Node built-ins; use renderer/src/api.' }],
      }],
    },
  },
  {
    // Components and screens go through the client/hooks layer, never the raw bridge or fetch.
    files: ['renderer/src/components/**/*.{ts,tsx}', 'renderer/src/routes/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error',
        { name: 'fetch', message: 'Use the hooks in renderer/src/api.' }],
      'no-restricted-properties': ['error',
        { object: 'window', property: 'workbench', message: 'Use the hooks in renderer/src/api.' }],
    },
  },
  {
    // Services run in plain Node (CLI, browser mode, tests): only the shell may touch Electron.
    files: ['electron/services/**/*.ts', 'electron/server/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Services must run without Electron.' }] }],
    },
  },
);
