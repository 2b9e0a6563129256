// Lint: typescript-eslint recommended, plus the layering rules (shared/ pure, renderer/ without Node/Electron).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** What every runtime has: the language, plus the few web-standard globals Node and browsers share. */
const portable = {
  ...globals.es2024,
  TextEncoder: 'readonly', TextDecoder: 'readonly', URL: 'readonly', URLSearchParams: 'readonly',
  structuredClone: 'readonly', queueMicrotask: 'readonly', console: 'readonly', AbortController: 'readonly',
  setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly',
};
/** Relative imports that would cross into another runtime's folder. */
const intoElectron = { group: ['**/electron/**'], message: 'Do not reach into electron/ from here: shared code lives in shared/.' };
const intoRenderer = { group: ['**/renderer/**'], message: 'Do not reach into renderer/ from here.' };
const intoTests = { group: ['**/tests/**'], message: 'Product code must not import test code.' };

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'zlib', 'stream', 'util', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'coverage/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Each folder gets only its runtime's globals (below); this default covers scripts, tests and configs.
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
    // No DOM, no `process`, no Buffer: only what every runtime has.
    languageOptions: { globals: portable },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'shared/ must stay pure: no Electron.' },
          { name: 'react', message: 'shared/ must stay pure: no React.' },
          { name: 'react-dom', message: 'shared/ must stay pure: no React.' }],
        patterns: [{ group: nodeBuiltins, message: 'shared/ must stay pure: no Node built-ins.' }, intoElectron, intoRenderer, intoTests],
      }],
    },
  },
  {
    // The renderer reaches main only through the typed client in renderer/src/api.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.ts'],
    // The browser's globals only: no `process`, `Buffer` or `require`.
    languageOptions: { globals: { ...portable, ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'renderer/ must not import Electron; use renderer/src/api.' }],
        patterns: [{ group: nodeBuiltins, message: 'renderer/ must not import Node built-ins; use renderer/src/api.' }, intoElectron, intoTests,
          // The contract's zod schemas would ride along on every first load (issue 14's 1 MB budget): types only here.
          { group: ['zod', '**/shared/contract/api', '**/shared/contract/api-*', '**/shared/contract/schemas', '**/shared/contract/define'],
            allowTypeImports: true, message: 'Keep zod out of the renderer: import types only, or plain constants from shared/contract/views-*.ts.' }],
      }],
    },
  },
  {
    // Components and screens go through the client/hooks layer, never the raw bridge or fetch.
    files: ['renderer/src/features/**/*.{ts,tsx}', 'renderer/src/routes/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error',
        { name: 'fetch', message: 'Use the hooks in renderer/src/api.' }],
      'no-restricted-properties': ['error',
        { object: 'window', property: 'workbench', message: 'Use the hooks in renderer/src/api.' },
        { object: 'window', property: 'workbenchDesktop', message: 'Use renderer/src/api/desktopCommands.ts (or api/desktop.ts).' }],
    },
  },
  {
    // Services run in plain Node (CLI, browser mode, tests): only the shell may touch Electron.
    files: ['electron/services/**/*.ts', 'electron/server/**/*.ts', 'electron/cli/**/*.ts', 'electron/common/**/*.ts', 'electron/services-host/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    languageOptions: { globals: { ...portable, ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Services must run without Electron.' }],
        patterns: [intoRenderer, intoTests],
      }],
    },
  },
  {
    // The browser extension (extension/): plain scripts, no build step, run by Chromium and Firefox as they are.
    files: ['extension/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...portable, ...globals.browser, ...globals.serviceworker, ...globals.webextensions } },
  },
  {
    // The Electron shell: Node's globals (main) — the preload's bridge is built from the contract, not the DOM.
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    languageOptions: { globals: { ...portable, ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [intoRenderer, intoTests] }],
    },
  },
);
