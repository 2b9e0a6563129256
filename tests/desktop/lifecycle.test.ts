/** Lifecycle of the real main under the double: second instance, quitting (with and without an export), OS shutdown. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { acquireLock } from '../../electron/services/store/lock';
import { callInPage, launch, mainWindow, tempDir, teardown, type Launched } from './harness';
import { skipReason, useChromium } from './suite';

/** Whether another process could open the workspace now (the app released its lock); releases it again at once. */
function lockIsFree(dir: string): boolean {
  try {
    acquireLock(dir, 'test')();
    return true;
  } catch {
    return false;
  }
}

/** Starts a PDF export of a fresh dossier through the page's bridge; the export is in flight until downloaded. */
async function startExport(page: Page): Promise<string> {
  const dossier = await callInPage<{ id: string }>(page, 'dossiers.create', { title: 'Quarterly dossier' });
  return (await callInPage<{ jobId: string }>(page, 'exports.start', { dossierId: dossier.id, format: 'pdf' })).jobId;
}

describe.skipIf(skipReason)('desktop lifecycle (electron double, real Chromium)', () => {
  const { machine } = useChromium();
  const launched: Launched[] = [];
  afterEach(async () => { for (const l of launched.splice(0)) await teardown(l); });
  const start = async (opts: Parameters<typeof launch>[0]) => { const l = await launch(opts); launched.push(l); return l; };

  test('a second launch focuses the first window (restoring it) and exits 0 without touching the workspace', async () => {
    const shared = machine();
    const first = await start({ shared });
    const { win } = await mainWindow(first);
    win.minimize();
    expect(win.isFocused()).toBe(false);
    const second = await start({ shared, workspace: first.workspace });
    expect(await second.double.app.exited).toBe(0);
    expect(second.double.windows()).toEqual([]);
    await expect.poll(() => win.isFocused()).toBe(true);
    expect(win.isMinimized()).toBe(false);
    expect(win.calls.slice(win.calls.lastIndexOf('minimize'))).toEqual(expect.arrayContaining(['restore', 'show', 'focus']));
    expect(first.double.app.exitCode).toBeNull();
    expect(first.double.dialog.errorBoxes).toEqual([]);
  });

  test('a second launch naming a .txt file imports it into the running app, and the open Library lists it without a reload', async () => {
    const shared = machine();
    const first = await start({ shared });
    const { win, page } = await mainWindow(first);
    await page.getByTestId('library-table').waitFor();
    // Gone if the page were reloaded: the list must update in place.
    await page.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true; });
    const dir = tempDir('file');
    fs.writeFileSync(path.join(dir, 'field-notes.txt'), 'Field notes from the border crossing.\n\nThe convoy left at dawn.');
    const second = await start({ shared, workspace: first.workspace, args: ['field-notes.txt'], cwd: dir });
    expect(await second.double.app.exited).toBe(0);
    const box = await first.double.dialog.waitForCall('messageBox', (c) => String(c.options.message).includes('field-notes.txt'));
    expect(box.options).toMatchObject({ type: 'info', message: 'Imported field-notes.txt', detail: 'It is now in the Library.' });
    first.double.dialog.answer('messageBox', 0);
    const sources = await callInPage<Array<{ fileName: string; meta: { title: string } }>>(page, 'sources.list', {});
    const imported = sources.find((s) => s.fileName === 'field-notes.txt');
    expect(imported).toBeDefined();
    await page.getByTestId('library-row').filter({ hasText: imported!.meta.title }).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(win.webContents.calls.filter((c) => c.method === 'reload')).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('quitting with no export running asks nothing, releases the workspace lock and exits 0', async () => {
    const app = await start({ shared: machine() });
    await mainWindow(app);
    expect(lockIsFree(app.workspace)).toBe(false);
    app.double.app.quit();
    expect(await app.double.app.exited).toBe(0);
    expect(app.double.dialog.calls).toEqual([]);
    expect(lockIsFree(app.workspace)).toBe(true);
  });

  test('quitting during an export asks Wait/Cancel; Cancel releases the lock and exits 0', async () => {
    const app = await start({ shared: machine() });
    const { page } = await mainWindow(app);
    await startExport(page);
    app.double.app.quit();
    const question = await app.double.dialog.waitForCall('messageBox');
    expect(question.options).toMatchObject({ message: 'An export is still running', buttons: ['Wait for it', 'Cancel the export and quit'] });
    expect(app.double.app.exitCode).toBeNull();
    app.double.dialog.answer('messageBox', 1);
    expect(await app.double.app.exited).toBe(0);
    expect(lockIsFree(app.workspace)).toBe(true);
  });

  test('when the quit question cannot be shown, the app stays open with its export, and quitting again asks again', async () => {
    const app = await start({ shared: machine() });
    const { page } = await mainWindow(app);
    const jobId = await startExport(page);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      // The message box fails (no display, say): nothing is decided for the user.
      app.double.dialog.answer('messageBox', () => { throw new Error('The dialog could not be shown'); });
      app.double.app.quit();
      await expect.poll(() => logged.mock.calls.some((c) => c[0] === 'Quitting:' && String(c[1]).includes('could not be shown'))).toBe(true);
    } finally {
      logged.mockRestore();
    }
    expect(app.double.app.exitCode).toBeNull();
    expect(lockIsFree(app.workspace)).toBe(false);
    expect((await callInPage<{ state: string }>(page, 'exports.status', { jobId })).state).not.toBe('cancelled');
    app.double.app.quit();
    await expect.poll(() => app.double.dialog.calls.filter((c) => c.options.message === 'An export is still running').length).toBe(2);
    app.double.dialog.answer('messageBox', 1);
    expect(await app.double.app.exited).toBe(0);
  });

  test('quitting during an export and choosing Wait quits by itself once the exported file was fetched', async () => {
    const app = await start({ shared: machine() });
    const { page } = await mainWindow(app);
    const jobId = await startExport(page);
    app.double.app.quit();
    await app.double.dialog.waitForCall('messageBox', (c) => c.options.message === 'An export is still running');
    app.double.dialog.answer('messageBox', 0);
    // Still running, and still serving the page, while the export finishes.
    await expect.poll(async () => (await callInPage<{ state: string }>(page, 'exports.status', { jobId })).state, { timeout: 30_000 }).toBe('done');
    const doneSeenAt = Date.now();
    expect(app.double.app.exitCode).toBeNull();
    // Fetching the file is what lets it quit; the reply may race the window closing, so it is not awaited here.
    void page.evaluate((id) => (window as unknown as { workbench: Record<string, (r: unknown) => Promise<unknown>> }).workbench['exports.download']!({ jobId: id }), jobId).catch(() => undefined);
    expect(await app.double.app.exited).toBe(0);
    // Not merely the finished file's 10 s delivery grace running out (jobs.ts): well before it could have.
    expect(Date.now() - doneSeenAt).toBeLessThan(9_000);
    expect(app.double.dialog.calls.filter((c) => c.kind === 'messageBox')).toHaveLength(1);
    expect(lockIsFree(app.workspace)).toBe(true);
  });

  test('an OS shutdown during an export asks nothing, delays the shutdown just to close, and releases the lock', async () => {
    const app = await start({ shared: machine() });
    const { page } = await mainWindow(app);
    await startExport(page);
    expect(app.double.powerMonitor.emitShutdown()).toBe(true);
    expect(await app.double.app.exited).toBe(0);
    expect(app.double.dialog.calls).toEqual([]);
    expect(lockIsFree(app.workspace)).toBe(true);
  });
});
