/** Printing a dossier through a hidden window's printToPDF (Chromium's page.pdf here), and external links leaving only after OK. */
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { callInPage, launch, mainWindow, teardown, type Launched } from './harness';
import type { BrowserWindowDouble } from './electron-double';
import { skipReason, useChromium } from './suite';

/** Puts a link into the real renderer's page and clicks it as a user would (a renderer-initiated navigation). */
async function clickLink(page: Page, href: string, target?: string): Promise<void> {
  await page.evaluate(([h, t]) => {
    const a = document.createElement('a');
    a.href = h!;
    if (t) a.target = t;
    a.textContent = 'the report';
    a.id = 'test-link';
    a.style.cssText = 'position:fixed;top:4px;left:4px;z-index:2147483647;background:#fff;padding:4px';
    document.getElementById('test-link')?.remove();
    document.body.append(a);
  }, [href, target]);
  await page.click('#test-link');
}

describe.skipIf(skipReason)('printing and external links (electron double, real Chromium)', () => {
  const { machine } = useChromium();
  let app: Launched | null = null;
  afterEach(async () => { await teardown(app); app = null; });

  test('a dossier PDF export prints in a hidden sandboxed window through printToPDF, which is destroyed afterwards', async () => {
    app = await launch({ shared: machine() });
    const created: BrowserWindowDouble[] = [];
    app.double.app.on('browser-window-created', (_e: unknown, w: BrowserWindowDouble) => created.push(w));
    const { page } = await mainWindow(app);
    const dossier = await callInPage<{ id: string }>(page, 'dossiers.create', { title: 'Border report' });
    const { jobId } = await callInPage<{ jobId: string }>(page, 'exports.start', { dossierId: dossier.id, format: 'pdf' });
    await expect.poll(async () => (await callInPage<{ state: string; error: string | null }>(page, 'exports.status', { jobId })), { timeout: 30_000 })
      .toMatchObject({ state: 'done' });
    const file = await callInPage<{ fileName: string; mimeType: string; dataBase64: string }>(page, 'exports.download', { jobId });
    const bytes = Buffer.from(file.dataBase64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(file.mimeType).toBe('application/pdf');

    const printer = created.find((w) => w.webContents.calls.some((c) => c.method === 'printToPDF'));
    expect(printer, 'a window that printed').toBeDefined();
    expect(printer!.options.show).toBe(false);
    expect(printer!.webContents.prefs).toMatchObject({ sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false });
    expect(printer!.webContents.session.partition).toBe('dossier-print');
    expect(printer!.webContents.calls.find((c) => c.method === 'printToPDF')!.args[0]).toMatchObject({ pageSize: 'A4', printBackground: true });
    expect(printer!.isDestroyed()).toBe(true);
    expect(app.double.windows()).toHaveLength(1);
  });

  test('an external link asks first, opens in the OS browser only after OK, and the page never leaves app://', async () => {
    app = await launch({ shared: machine() });
    const { win, page } = await mainWindow(app);
    const { dialog, shell } = app.double;

    await clickLink(page, 'https://example.org/report?id=7');
    const ask = await dialog.waitForCall('messageBox', (c) => c.options.title === 'Open link');
    expect(ask.window).toBe(win);
    expect(ask.options).toMatchObject({ message: 'Open this link in your browser?', detail: 'Site: example.org\n\nhttps://example.org/report?id=7' });
    expect(shell.opened).toEqual([]);
    dialog.answer('messageBox', 1); // Cancel
    await expect.poll(() => ask.answer).toBe(1);
    expect(shell.opened).toEqual([]);

    await clickLink(page, 'https://example.org/second', '_blank'); // target=_blank: the window-open handler's path
    dialog.answer('messageBox', 0); // Open
    await expect.poll(() => shell.opened).toEqual([{ kind: 'openExternal', target: 'https://example.org/second' }]);
    expect(win.webContents.getURL()).toBe('app://workbench/index.html');
    expect(app.double.ctx.log.filter((r) => r.kind === 'window-open')).toEqual([{ kind: 'window-open', detail: { url: 'https://example.org/second', action: 'deny' } }]);

    // The OS refusing to open it is shown, never an unhandled rejection.
    shell.failNextOpenExternal = new Error('No application is registered for https');
    await clickLink(page, 'https://example.org/third');
    dialog.answer('messageBox', 0);
    await expect.poll(() => dialog.errorBoxes).toEqual([{ title: 'Could not open the link', content: 'https://example.org/third\n\nNo application is registered for https' }]);
  });
});
