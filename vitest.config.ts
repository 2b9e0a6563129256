/**
 * Vitest: unit tests of shared/ and the plain-Node services, run in Node. The electron-double tests (tests/desktop)
 * run only in the desktop coverage gate (`npm run test:desktop-coverage`, vitest.desktop.config.ts), which `npm test`
 * runs after this; main's and the preload's own unit tests run in both (they are quick, and found here by path).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/packaging/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // It imports its JSON schema without an import attribute, which only a bundler accepts: let Vite transform it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
