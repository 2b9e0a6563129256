/** The real main under the double: exports saved through the native save dialog, the background-export notification, a crashed services host. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { callInPage, launch, mainWindow, teardown, tempDir, type Launched } from './harness';
import { skipReason, useChromium } from './suite';

/** Exports a fresh dossier to PDF through the page's bridge and waits until the job is done; returns the job id. */
async function finishedExport(page: Page, title: string): Promise<string> {
  const dossier = await callInPage<{ id: string }>(page, 'dossiers.create', { title });
  const { jobId } = await callInPage<{ jobId: string }>(page, 'exports.start', { dossierId: dossier.id, format: 'pdf' });
  await expect.poll(async () => (await callInPage<{ state: string }>(page, 'exports.status', { jobId })).state, { timeout: 30_000 }).toBe('done');
  return jobId;
}

/** The page's own call, returning the raw reply (ok or the typed error) instead of throwing. */
const rawCall = (page: Page, method: string, req: unknown) => page.evaluate(([m, r]) =>
  (window as unknown as { workbench: Record<string, (x: unknown) => Promise<unknown>> }).workbench[m]!(r), [method, req] as const) as Promise<{ ok: boolean; error?: { message: string; details?: unknown } }>;

describe.skipIf(skipReason)('exports and the services host (electron double, real Chromium)', () => {
  const { machine } = useChromium();
  let app: Launched | null = null;
  const cleanup: string[] = [];
  afterEach(async () => {
    await teardown(app);
    app = null;
    for (const d of cleanup.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  test('a dossier export saved from the page goes through the native save dialog and the PDF is written where the user chose', async () => {
    app = await launch({ shared: machine() });
    const { win, page } = await mainWindow(app);
    const jobId = await finishedExport(page, 'Border report');
    const folder = tempDir('saved');
    cleanup.push(folder);
    // A bare name, as Linux file choosers return it: the filter's extension is added.
    app.double.dialog.answer('saveDialog', path.join(folder, 'for the minister'));
    const saved = await page.evaluate((id) => (window as unknown as { workbenchDesktop: { saveExport(r: unknown): Promise<unknown> } }).workbenchDesktop.saveExport({ kind: 'job', jobId: id }), jobId);
    const file = path.join(folder, 'for the minister.pdf');
    expect(saved).toEqual({ ok: true, value: { path: file } });
    expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const asked = app.double.dialog.calls.find((c) => c.kind === 'saveDialog')!;
    expect(asked.window).toBe(win);
    expect(asked.options).toMatchObject({ title: 'Save dossier export', filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    expect(path.basename(String(asked.options.defaultPath))).toMatch(/\.pdf$/);
  });

  test('a long export finishing while the window is in the background shows a notification; clicking it brings the window back', async () => {
    app = await launch({ shared: machine() });
    const { win, page } = await mainWindow(app);
    // A slow printer: the export really takes longer than the 5 s after which a notification is worth showing.
    app.double.setPrintDelay(5_500);
    win.blur();
    expect(win.isFocused()).toBe(false);
    const jobId = await finishedExport(page, 'Slow report');
    const { fileName } = await callInPage<{ fileName: string }>(page, 'exports.status', { jobId });
    const Notification = app.double.Notification as unknown as { shown: Array<{ options: { title: string; body: string }; clickByUser(): void }> };
    await expect.poll(() => Notification.shown.length).toBe(1);
    expect(Notification.shown[0]!.options).toEqual({ title: `Dossier export finished — ${fileName}`, body: 'Click to return to the workbench and save it.' });
    Notification.shown[0]!.clickByUser();
    expect(win.isFocused()).toBe(true);
  }, 60_000);

  test('when the services host dies, the next call answers the typed "services stopped" error, then the restarted host serves the same workspace', async () => {
    app = await launch({ shared: machine() });
    const { page } = await mainWindow(app);
    await callInPage(page, 'sources.importText', { text: 'Saved before the crash.', title: 'Before the crash' });
    const [host] = app.double.utilityProcesses();
    const died = new Promise((r) => host!.child.once('exit', r));
    host!.child.kill('SIGKILL');
    await died;
    const reply = await rawCall(page, 'sources.list', {});
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatchObject({ message: expect.stringContaining('The workbench services stopped unexpectedly'), details: { servicesStopped: true } });
    // Restarted with the workspace reopened: nothing saved was lost.
    await expect.poll(async () => (await rawCall(page, 'sources.list', {})).ok, { timeout: 30_000 }).toBe(true);
    const titles = (await callInPage<Array<{ meta: { title: string } }>>(page, 'sources.list', {})).map((s) => s.meta.title);
    expect(titles).toContain('Before the crash');
    expect(app.double.utilityProcesses()).toHaveLength(2);
    expect(app.double.dialog.errorBoxes).toEqual([]);
  });

  test('a services host that keeps dying is given up after three restarts, and the user is told to restart the app', async () => {
    app = await launch({ shared: machine() });
    const { page } = await mainWindow(app);
    for (let n = 1; n <= 4; n++) {
      // Each restart forks a new host: kill the newest once it is there.
      await expect.poll(() => app!.double.utilityProcesses().length, { timeout: 30_000 }).toBe(n);
      const host = app.double.utilityProcesses()[n - 1]!;
      await expect.poll(() => host.pid !== undefined).toBe(true);
      host.child.kill('SIGKILL');
    }
    await expect.poll(() => app!.double.dialog.errorBoxes, { timeout: 30_000 }).toEqual([{
      title: 'The workbench services stopped',
      content: 'They stopped several times in a row and are not started again. Quit and start the app again; your saved work is kept.',
    }]);
    const reply = await rawCall(page, 'sources.list', {});
    expect(reply.error?.message).toBe('The workbench services stopped and could not be restarted. Quit and start the app again.');
    expect(app.double.utilityProcesses()).toHaveLength(4);
  });
});
