/**
 * The desktop coverage gate (`npm run test:desktop-coverage`): main's and the preload's own unit tests plus the
 * tests that run the real main under the electron double (tests/desktop), with line coverage of electron/main and
 * electron/preload reported per file. The thresholds are what is reached today; the goal (issue 12) is 100 % lines.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/main/**/*.test.ts', 'electron/preload/**/*.test.ts', 'tests/desktop/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    coverage: {
      provider: 'v8',
      include: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
      exclude: ['**/*.test.ts'],
      // A failing test must not hide the table: the per-file uncovered lines are what the gate is read for.
      reportOnFailure: true,
      // text: per-file table with the uncovered line numbers; json-summary for scripts; html to browse.
      reporter: [['text', { skipFull: false }], 'json-summary', 'html'],
      reportsDirectory: 'coverage/desktop',
      // Floors of what was reached on the first run (96.08 / 93.47 / 91.42 / 85.84); to be raised to 100 % lines.
      thresholds: { lines: 96, statements: 93, functions: 91, branches: 85 },
    },
  },
});
