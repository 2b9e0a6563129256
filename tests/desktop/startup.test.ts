/** The real main under the electron double: it starts, shows the Library with the sample, and serves the page over IPC. */
import { afterEach, describe, expect, test } from 'vitest';
import { callInPage, launch, mainWindow, teardown, type Launched } from './harness';
import { skipReason, useChromium } from './suite';

const SAMPLE_TITLE = "Türkiye will continue to support Kazakhstan's territorial integrity, stability and peace";

describe.skipIf(skipReason)('desktop app start-up (electron double, real Chromium)', () => {
  const { machine } = useChromium();
  let app: Launched | null = null;
  afterEach(async () => { await teardown(app); app = null; });

  test('the window loads app://workbench/index.html and shows the Library with the seeded sample source', async () => {
    app = await launch({ shared: machine() });
    const { win, page } = await mainWindow(app);
    expect(win.webContents.getURL()).toBe('app://workbench/index.html');
    expect(win.isVisible()).toBe(true);
    expect(win.isFocused()).toBe(true);
    await page.getByTestId('library-table').waitFor();
    await page.getByTestId('library-row').filter({ hasText: SAMPLE_TITLE }).waitFor();
    // The list came through the preload bridge and ipcMain, not HTTP (there is no server in desktop mode).
    const list = await callInPage<Array<{ meta: { title: string } }>>(page, 'sources.list', {});
    expect(list.map((s) => s.meta.title)).toContain(SAMPLE_TITLE);
  });
});
