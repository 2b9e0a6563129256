/**
 * The real Electron app, driven by Playwright's _electron: the seeded sample, a highlight, a PDF export through the
 * native save dialog (stubbed in the main process), quit. Runs only where the Electron binary exists (see
 * scripts/test-desktop.mjs); on the machines this was written on it could not, so it has never run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { selectInReader } from '../e2e/helpers';

const SENTENCE = 'We will continue to support the stability, peace, sovereignty and territorial integrity of brotherly Kazakhstan';

let app: ElectronApplication | null = null;
let tmp = '';
test.beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-electron-')); });
test.afterEach(async () => {
  await app?.close().catch(() => undefined);
  app = null;
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('sample, highlight, PDF through the save dialog, quit', async () => {
  const workspace = path.join(tmp, 'workspace');
  const pdfPath = path.join(tmp, 'export', 'dossier.pdf');
  fs.mkdirSync(path.dirname(pdfPath));
  // HOME too, so userData (window state, recent workspaces) stays out of the tester's own profile.
  // The packaged app when the release workflow names it (WORKBENCH_APP_EXECUTABLE), else `electron .` on the build.
  const packaged = process.env.WORKBENCH_APP_EXECUTABLE;
  const env = { ...process.env, HOME: tmp, XDG_CONFIG_HOME: path.join(tmp, '.config') };
  app = await electron.launch(packaged
    ? { executablePath: packaged, args: ['--workspace', workspace], env }
    : { args: ['.', '--workspace', workspace], cwd: process.cwd(), env });
  const page = await app.firstWindow();
  await expect.poll(() => page.url()).toBe('app://workbench/index.html');

  // The sample article is seeded into the new workspace: open it and highlight a passage.
  const rows = page.getByTestId('library-row');
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  await selectInReader(page, SENTENCE);
  await page.getByTestId('toolbar-tag').click();
  await expect(page.getByTestId('highlight').first()).toBeVisible();

  // A dossier to export (arranged through the page's own bridge, as the e2e specs arrange through the API).
  await page.evaluate(() => (window as unknown as { workbench: Record<string, (r: unknown) => Promise<unknown>> }).workbench['dossiers.create']!({ title: 'Desktop export' }));

  // The native save dialog, answered in the main process: remember what it was asked, return our path.
  await app.evaluate(({ dialog }, target) => {
    const g = globalThis as unknown as { saveAsked?: unknown[] };
    g.saveAsked = [];
    dialog.showSaveDialog = (async (...args: unknown[]) => {
      g.saveAsked!.push(args[args.length - 1]);
      return { canceled: false, filePath: target };
    }) as typeof dialog.showSaveDialog;
  }, pdfPath);

  await page.getByTestId('nav-dossiers').click();
  await page.getByTestId('dossier-row').first().click();
  await page.getByTestId('dossier-export').click();
  await page.getByTestId('export-pdf').click();
  await expect.poll(() => fs.existsSync(pdfPath) && fs.statSync(pdfPath).size > 0, { timeout: 60_000 }).toBe(true);
  expect(fs.readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const asked = await app.evaluate(() => (globalThis as unknown as { saveAsked: unknown[] }).saveAsked);
  expect(asked).toHaveLength(1);

  // Quit: the app exits by itself (0) and releases the workspace lock.
  const exited = new Promise<number | null>((resolve) => app!.process().once('exit', (code) => resolve(code)));
  await app.evaluate(({ app: electronApp }) => { electronApp.quit(); });
  expect(await exited).toBe(0);
  app = null;
  expect(fs.existsSync(path.join(workspace, '.lock'))).toBe(false);
});
