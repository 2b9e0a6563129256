/** Playwright for the real Electron app (`npm run test:desktop`, via scripts/test-desktop.mjs, which skips where Electron is missing). */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/desktop-real',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // One app at a time: the single-instance lock would turn a second one into a "second launch".
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/desktop-real',
});
