/** The real main under the electron double: the window title names the workspace, its place is remembered, the last workspace reopens. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { callInPage, launch, mainWindow, teardown, tempDir, type Launched } from './harness';
import { skipReason, useChromium } from './suite';

describe.skipIf(skipReason)('workspace and window conventions (electron double, real Chromium)', () => {
  const { machine } = useChromium();
  const launched: Launched[] = [];
  afterEach(async () => {
    for (const l of launched.splice(0)) await teardown(l);
  });

  /** Quits through the app's own quit path (which saves the window's place on close) and waits for the exit. */
  async function quit(l: Launched): Promise<void> {
    l.double.app.quit();
    await l.double.app.exited;
  }

  test('the title is "<workspace folder> — Analyst Workbench", and the page\'s own <title> does not replace it', async () => {
    const l = await launch({ shared: machine() });
    launched.push(l);
    const { win, page } = await mainWindow(l);
    expect(await page.title()).not.toContain(' — ');
    expect(win.getTitle()).toBe(`${path.basename(l.workspace)} — Analyst Workbench`);
  });

  test('size and position are restored at the next launch; a place on no screen gets the centred default', async () => {
    const shared = machine();
    const home = tempDir('home');
    const first = await launch({ shared, home });
    launched.push(first);
    const { win } = await mainWindow(first);
    win.setBounds({ x: 300, y: 120, width: 1000, height: 700 });
    await quit(first);

    const second = await launch({ shared, home, workspace: first.workspace });
    launched.push(second);
    const again = (await mainWindow(second)).win;
    expect(again.getBounds()).toEqual({ x: 300, y: 120, width: 1000, height: 700 });
    // The double's one display is 1920×1040 (work area): a window left on a monitor now unplugged comes back centred.
    again.setBounds({ x: 2500, y: 100 });
    await quit(second);

    const third = await launch({ shared, home, workspace: first.workspace });
    launched.push(third);
    expect((await mainWindow(third)).win.getBounds()).toEqual({ x: 320, y: 90, width: 1280, height: 860 });
  });

  test('launched without --workspace, the app reopens the workspace used last (not the default)', async () => {
    const shared = machine();
    const home = tempDir('home');
    // Not named "workspace", so it cannot be mistaken for the default folder.
    const first = await launch({ shared, home, workspace: path.join(tempDir('ws'), 'Case Files') });
    launched.push(first);
    await mainWindow(first);
    await quit(first);
    const recent = JSON.parse(fs.readFileSync(path.join(home, '.config', 'Analyst Workbench', 'recent-workspaces.json'), 'utf8'));
    expect(recent.entries.map((e: { dir: string }) => e.dir)).toEqual([first.workspace]);

    const second = await launch({ shared, home, workspace: first.workspace, argv: [] });
    launched.push(second);
    const { win, page } = await mainWindow(second);
    expect(second.argv.join(' ')).not.toContain('--workspace');
    expect(win.getTitle()).toBe('Case Files — Analyst Workbench');
    expect((await callInPage<{ path: string }>(page, 'workspace.info', {})).path).toBe(first.workspace);
  });
});
