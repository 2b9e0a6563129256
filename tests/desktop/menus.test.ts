/** The application menu and the reader's native menu, as the real main installs them, driven through the electron double with real pages. */
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ROOT, launch, mainWindow, teardown, type Launched } from './harness';
import { skipReason, useChromium } from './suite';

const SENTENCE = 'We will continue to support the stability, peace, sovereignty and territorial integrity of brotherly Kazakhstan';

describe.skipIf(skipReason)('menus (electron double, real Chromium)', () => {
  const { machine } = useChromium();
  let app: Launched | null = null;
  afterEach(async () => { await teardown(app); app = null; });

  test('View goes to the screens, Edit › Undo undoes the focused field, Help opens the docs and the workspace folder', async () => {
    app = await launch({ shared: machine() });
    const { win, page } = await mainWindow(app);
    const click = (...labels: string[]) => app!.double.menus.clickMenuItem(app!.double.menus.applicationMenu(), labels, { window: win });
    // A menu command reaches only a renderer that has subscribed: wait for the app's layout (and its listener) first.
    await page.getByTestId('library-filter').waitFor();
    // Linux labels carry access keys (&).
    click('&View', '&Graph');
    await page.waitForURL(/#\/graph$/);
    click('&View', 'C&laims (Analysis)');
    await page.waitForURL(/#\/claims$/);
    click('&View', '&Library');
    await page.waitForURL(/#\/library$/);

    const filter = page.getByTestId('library-filter');
    await filter.click();
    await page.keyboard.type('abc');
    click('&Edit', '&Undo');
    await page.waitForFunction(() => (document.querySelector('[data-testid="library-filter"]') as HTMLInputElement).value === '');

    click('&Help', '&Documentation');
    click('&Help', 'Show &Workspace Folder');
    expect(app.double.shell.opened).toEqual(expect.arrayContaining([
      { kind: 'openPath', target: path.join(ROOT, 'README.md') }, { kind: 'openPath', target: app.workspace },
    ]));
  });

  test('right-click on a reader selection pops the native menu at the pointer; its Highlight creates the highlight', async () => {
    app = await launch({ shared: machine() });
    const { page } = await mainWindow(app);
    await page.getByTestId('library-row').first().click();
    await page.getByTestId('reader-text').getByText('brotherly Kazakhstan', { exact: false }).first().waitFor();
    const box = await page.evaluate((needle) => {
      const root = document.querySelector('[data-testid="reader-text"]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + needle.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        const r = range.getClientRects()[0]!;
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    }, SENTENCE);
    expect(box).not.toBeNull();
    await page.mouse.click(box!.x, box!.y, { button: 'right' });

    const popups = app.double.menus.popups;
    await expect.poll(() => popups.length).toBe(1);
    expect(popups[0]!.menu.items.map((i) => i.label || i.type)).toEqual(['Highlight', 'Highlight and Tag…', 'Copy with Citation', 'separator', 'Copy']);
    // Where the user right-clicked (the mouse event's whole-pixel coordinates, within a pixel of the box's centre).
    const at = popups[0]!.options as { x: number; y: number };
    expect(Math.abs(at.x - box!.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(at.y - box!.y)).toBeLessThanOrEqual(1);
    // No in-page menu in the desktop app.
    expect(await page.getByTestId('reader-context-menu').count()).toBe(0);

    app.double.menus.clickMenuItem(popups[0]!.menu, ['Highlight']);
    await page.getByTestId('highlight').first().waitFor();
    expect(await page.getByTestId('panel-quote').textContent()).toContain('brotherly Kazakhstan');
  });
});
