/** One Chromium per test file, and the skip rule every desktop test file uses (no Chromium, or no build). */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumMissing, launchChromium } from './electron-double/chromium';
import { sharedMachine, type DoubleShared } from './electron-double';
import { buildMissing } from './harness';

/** Why this machine cannot run the desktop tests, or null. Printed once, so a skip is never silent. */
export const skipReason: string | null = chromiumMissing() ?? buildMissing();
if (skipReason) console.warn(`[tests/desktop] SKIPPED: ${skipReason}`);

/** Registers beforeAll/afterAll for the browser; call machine() inside a test for a fresh single-instance lock. */
export function useChromium(): { machine: () => DoubleShared } {
  let browser: Browser | null = null;
  beforeAll(async () => {
    if (!skipReason) browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return { machine: () => sharedMachine(browser!) };
}
