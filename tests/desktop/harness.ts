/**
 * Runs the REAL electron/main/index.ts against the electron double (tests/desktop/electron-double): a fresh copy of
 * main (and of every service module) per launch, a temp HOME and workspace, the built renderer and preload from out/.
 * Two launches in one test share one "machine" (browser, single-instance lock), as two processes of one user would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import type { Page } from 'playwright-core';
import { createElectronDouble, until, type BrowserWindowDouble, type DoubleShared, type ElectronDouble } from './electron-double';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN_ENTRY = path.join(ROOT, 'electron/main/index.ts');

/** Why these tests cannot run (the renderer or preload was not built), or null. */
export function buildMissing(): string | null {
  for (const f of ['out/renderer/index.html', 'out/preload/index.cjs']) {
    if (!fs.existsSync(path.join(ROOT, f))) return `${f} is missing: run \`npm run build\` first (npm test builds before the unit tests)`;
  }
  return null;
}

export interface Launched {
  double: ElectronDouble;
  home: string;
  workspace: string;
  argv: string[];
}

export interface LaunchOptions {
  shared: DoubleShared;
  /** An existing workspace folder (else a fresh temp one). */
  workspace?: string;
  /** More command-line arguments after `--workspace DIR` (a file to import, say). */
  args?: string[];
  /** Overrides the whole argv after the executable and app path (to launch without --workspace). */
  argv?: string[];
  home?: string;
  cwd?: string;
}

export const tempDir = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), `wb-desktop-${prefix}-`));

/**
 * Evaluates main as Electron would (its argv in process.argv while the top-level code runs), then emits 'ready'.
 * vi.doMock, not vi.mock: the factory must give each launch its own double, and doMock applies to the next import.
 */
export async function launch(opts: LaunchOptions): Promise<Launched> {
  const home = opts.home ?? tempDir('home');
  const workspace = opts.workspace ?? path.join(tempDir('ws'), 'workspace');
  const argv = [process.execPath, ROOT, ...(opts.argv ?? ['--workspace', workspace, ...(opts.args ?? [])])];
  const double = createElectronDouble({ shared: opts.shared, appPath: ROOT, home, argv: () => argv, cwd: opts.cwd });
  vi.resetModules();
  vi.doMock('electron', () => double.module);
  const saved = process.argv;
  const savedWs = process.env.WORKBENCH_WORKSPACE;
  delete process.env.WORKBENCH_WORKSPACE;
  process.argv = argv;
  try {
    await import(/* @vite-ignore */ MAIN_ENTRY);
  } finally {
    process.argv = saved;
    if (savedWs !== undefined) process.env.WORKBENCH_WORKSPACE = savedWs;
  }
  double.app.becomeReady();
  return { double, home, workspace, argv };
}

/** The main window once its page has loaded, or a clear error naming what main reported instead (error boxes, exit). */
export async function mainWindow(l: Launched, timeoutMs = 30_000): Promise<{ win: BrowserWindowDouble; page: Page }> {
  const loaded = until(() => {
    const w = l.double.windows().find((x) => x.webContents.prefs.preload && x.isVisible());
    return w?.webContents.page && !w.webContents.isLoading() && w.webContents.getURL().startsWith('app://') ? w : null;
  }, 'the main window to load and show', timeoutMs);
  const exited = l.double.app.exited.then((code) => {
    throw new Error(`main exited with code ${code} before showing its window; error boxes: ${JSON.stringify(l.double.dialog.errorBoxes)}`);
  });
  const win = await Promise.race([loaded, exited]);
  return { win, page: win.webContents.page! };
}

/** Calls the contract through the page's real preload bridge (window.workbench), as the renderer does. */
export async function callInPage<T = unknown>(page: Page, method: string, req: unknown): Promise<T> {
  const reply = await page.evaluate(([m, r]) => (window as unknown as { workbench: Record<string, (x: unknown) => Promise<unknown>> }).workbench[m]!(r), [method, req] as const);
  const result = reply as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value as T;
}

/** Ends a launch whatever state it is in and removes its temp folders. */
export async function teardown(l: Launched | null | undefined): Promise<void> {
  if (!l) return;
  // The app's own quit path first (it closes the services host and the workspace), bounded; then whatever is left.
  if (l.double.app.exitCode === null) {
    l.double.dialog.answer('messageBox', 1); // should an export still run: "Cancel the export and quit"
    l.double.app.quit();
    await Promise.race([l.double.app.exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  await l.double.dispose();
  vi.doUnmock('electron');
  for (const dir of [l.home, path.dirname(l.workspace)]) {
    if (dir.startsWith(os.tmpdir())) fs.rmSync(dir, { recursive: true, force: true });
  }
}
