/** The File menu of the real main under the double: Back up now, and opening, creating and switching workspaces (menu and second launch). */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { acquireLock } from '../../electron/services/store/lock';
import { callInPage, launch, mainWindow, teardown, tempDir, type Launched } from './harness';
import type { BrowserWindowDouble } from './electron-double';
import { skipReason, useChromium } from './suite';

/** The workspace the page is served from, once it answers `dir` (a switch reloads the page, so calls may fail meanwhile). */
async function servedFrom(page: Page, dir: string): Promise<void> {
  await expect.poll(async () => {
    try {
      return (await callInPage<{ path: string }>(page, 'workspace.info', {})).path;
    } catch (e) {
      return String(e);
    }
  }, { timeout: 30_000 }).toBe(dir);
}

/** The folders File › Open Recent lists now (Linux labels double a literal '&'). */
function recentMenu(l: Launched): string[] {
  const file = l.double.menus.applicationMenu()!.items.find((i) => i.label === '&File')!;
  const recent = file.submenu!.items.find((i) => i.label === 'Open &Recent')!;
  return recent.submenu!.items.filter((i) => i.type !== 'separator' && i.enabled).map((i) => i.label.replace(/&&/g, '&')).filter((x) => x !== '&Clear Recent');
}

describe.skipIf(skipReason)('the File menu (electron double, real Chromium)', () => {
  const { machine } = useChromium();
  const launched: Launched[] = [];
  const cleanup: string[] = [];
  afterEach(async () => {
    for (const l of launched.splice(0)) await teardown(l);
    for (const d of cleanup.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  const start = async (opts: Parameters<typeof launch>[0]) => { const l = await launch(opts); launched.push(l); return l; };
  const click = (l: Launched, win: BrowserWindowDouble, ...labels: string[]) => l.double.menus.clickMenuItem(l.double.menus.applicationMenu(), ['&File', ...labels], { window: win });

  test('Back up now makes a backup in the workspace\'s backups folder and names it; a failure shows why', async () => {
    const app = await start({ shared: machine() });
    const { win } = await mainWindow(app);
    const backups = path.join(app.workspace, 'backups');
    const before = fs.existsSync(backups) ? fs.readdirSync(backups) : [];

    click(app, win, '&Back Up Now');
    const done = await app.double.dialog.waitForCall('messageBox', (c) => c.options.message === 'Backup created');
    const made = fs.readdirSync(backups).filter((n) => !before.includes(n));
    expect(made).toHaveLength(1);
    expect(made[0]).toMatch(/manual$/);
    expect(done.window).toBe(win);
    expect(done.options).toMatchObject({ type: 'info', detail: `${made[0]} is in the workspace's backups folder. Restore it from Data › Backups.` });
    app.double.dialog.answer('messageBox', 0);

    // No backups folder can be made where a file of that name stands: the error box says so, nothing is half-made.
    fs.rmSync(backups, { recursive: true, force: true });
    fs.writeFileSync(backups, 'not a folder');
    click(app, win, '&Back Up Now');
    const failed = await app.double.dialog.waitForCall('messageBox', (c) => c.options.message === 'The backup could not be made');
    expect(failed.options.type).toBe('error');
    expect(String(failed.options.detail)).not.toBe('');
    app.double.dialog.answer('messageBox', 0);
    expect(fs.readFileSync(backups, 'utf8')).toBe('not a folder');
  });

  test('New Workspace…, Open Recent and Open Workspace… switch what the window serves, its title and the recent list; a locked folder keeps the old one', async () => {
    const app = await start({ shared: machine() });
    const { win, page } = await mainWindow(app);
    const a = app.workspace;
    const b = path.join(tempDir('other'), 'Border Case');
    cleanup.push(path.dirname(b));
    expect(recentMenu(app)).toEqual([a]);

    // New: the dialog may create the folder (promptToCreate); the services make the workspace in it.
    app.double.dialog.answer('openDialog', [b]);
    click(app, win, '&New Workspace…');
    await servedFrom(page, b);
    expect(win.getTitle()).toBe('Border Case — Analyst Workbench');
    expect(fs.existsSync(path.join(b, 'workspace.json'))).toBe(true);
    expect(recentMenu(app)).toEqual([b, a]);
    const asked = app.double.dialog.calls.find((c) => c.kind === 'openDialog')!;
    expect(asked.options).toMatchObject({ title: 'New Workspace', buttonLabel: 'Create Workspace' });
    expect(asked.window).toBe(win);

    // Back through Open Recent: the page now lists the first workspace's data again.
    click(app, win, 'Open &Recent', a);
    await servedFrom(page, a);
    expect(win.getTitle()).toBe(`${path.basename(a)} — Analyst Workbench`);
    expect(recentMenu(app)).toEqual([a, b]);

    // Another program holds the second workspace: opening it fails, says why, and the first one is served again.
    const release = acquireLock(b, 'another program');
    try {
      app.double.dialog.answer('openDialog', [b]);
      click(app, win, '&Open Workspace…');
      const error = await app.double.dialog.waitForCall('messageBox', (c) => c.options.message === 'Could not open “Border Case”');
      expect(error.options.type).toBe('error');
      expect(String(error.options.detail)).toContain(`${path.basename(a)} is open again.`);
      app.double.dialog.answer('messageBox', 0);
      await servedFrom(page, a);
      expect(win.getTitle()).toBe(`${path.basename(a)} — Analyst Workbench`);
      expect(app.double.dialog.calls.filter((c) => c.kind === 'openDialog').at(-1)!.options).toMatchObject({ title: 'Open Workspace', buttonLabel: 'Open Workspace' });
    } finally {
      release();
    }

    // Clear Recent keeps only the open workspace (where the next launch starts).
    click(app, win, 'Open &Recent', '&Clear Recent');
    await expect.poll(() => recentMenu(app)).toEqual([a]);
  });

  test('a second launch with --workspace naming another workspace switches the running window to it', async () => {
    const shared = machine();
    const first = await start({ shared });
    const { win, page } = await mainWindow(first);
    const other = path.join(tempDir('second'), 'Second Case');
    cleanup.push(path.dirname(other));
    fs.mkdirSync(other);

    const second = await start({ shared, workspace: other });
    expect(await second.double.app.exited).toBe(0);
    await servedFrom(page, other);
    expect(win.getTitle()).toBe('Second Case — Analyst Workbench');
    expect(win.isFocused()).toBe(true);
    expect(recentMenu(first)).toEqual([other, first.workspace]);
  });
});
