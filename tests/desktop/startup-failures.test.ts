/** The real main under the double when start-up cannot go as planned: a locked workspace, a bad dev-server address, a damaged recent list, a file too large to import. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { acquireLock } from '../../electron/services/store/lock';
import { callInPage, launch, mainWindow, teardown, tempDir, type Launched } from './harness';
import { skipReason, useChromium } from './suite';

describe.skipIf(skipReason)('start-up problems (electron double, real Chromium)', () => {
  const { machine } = useChromium();
  const launched: Launched[] = [];
  const cleanup: string[] = [];
  afterEach(async () => {
    for (const l of launched.splice(0)) await teardown(l);
    for (const d of cleanup.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  const start = async (opts: Parameters<typeof launch>[0]) => { const l = await launch(opts); launched.push(l); return l; };

  test('a workspace another program holds: the error box names the holder, no window opens, and the app exits 1', async () => {
    const workspace = path.join(tempDir('locked'), 'workspace');
    cleanup.push(path.dirname(workspace));
    fs.mkdirSync(workspace);
    const release = acquireLock(workspace, 'the command-line tool');
    try {
      const app = await start({ shared: machine(), workspace });
      expect(await app.double.app.exited).toBe(1);
      expect(app.double.dialog.errorBoxes).toHaveLength(1);
      expect(app.double.dialog.errorBoxes[0]!.title).toBe('Cannot open the workspace');
      expect(app.double.dialog.errorBoxes[0]!.content).toContain('the command-line tool');
      expect(app.double.windows()).toEqual([]);
    } finally {
      release();
    }
  });

  test('a dev-server address that is not on this machine stops start-up with the reason, before anything opens', async () => {
    const saved = process.env.ELECTRON_RENDERER_URL;
    process.env.ELECTRON_RENDERER_URL = 'https://example.org/';
    try {
      const app = await start({ shared: machine() });
      expect(await app.double.app.exited).toBe(1);
      expect(app.double.dialog.errorBoxes).toEqual([{
        title: 'Analyst Workbench failed to start',
        content: 'Error: ELECTRON_RENDERER_URL must be an http(s) address on this machine (localhost), not https://example.org/',
      }]);
      expect(app.double.utilityProcesses()).toEqual([]);
      expect(app.double.windows()).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.ELECTRON_RENDERER_URL;
      else process.env.ELECTRON_RENDERER_URL = saved;
    }
  });

  test('a damaged recent-workspaces list does not stop the app: it is kept aside and a new list starts', async () => {
    const home = tempDir('home');
    const userData = path.join(home, '.config', 'Analyst Workbench');
    fs.mkdirSync(userData, { recursive: true });
    fs.writeFileSync(path.join(userData, 'recent-workspaces.json'), '{ "entries": [ damaged');
    const app = await start({ shared: machine(), home });
    await mainWindow(app);
    const names = fs.readdirSync(userData);
    const aside = names.find((n) => n.startsWith('recent-workspaces.json.damaged-'));
    expect(aside).toBeDefined();
    expect(fs.readFileSync(path.join(userData, aside!), 'utf8')).toBe('{ "entries": [ damaged');
    await expect.poll(() => JSON.parse(fs.readFileSync(path.join(userData, 'recent-workspaces.json'), 'utf8')).entries.map((e: { dir: string }) => e.dir)).toEqual([app.workspace]);
  });

  test('a second launch naming a file over 50 MB says it is too large and imports nothing', async () => {
    const shared = machine();
    const first = await start({ shared });
    const { page } = await mainWindow(first);
    const dir = tempDir('big');
    cleanup.push(dir);
    const big = path.join(dir, 'scan.pdf');
    // Sparse: the size is what is checked, before anything is read.
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 51 * 2 ** 20);
    const before = (await callInPage<unknown[]>(page, 'sources.list', {})).length;
    const second = await start({ shared, workspace: first.workspace, args: [big] });
    expect(await second.double.app.exited).toBe(0);
    const box = await first.double.dialog.waitForCall('messageBox', (c) => String(c.options.message).includes('scan.pdf'));
    expect(box.options).toMatchObject({ type: 'error', message: 'Could not import scan.pdf', detail: 'The file is larger than 50 MB.' });
    first.double.dialog.answer('messageBox', 0);
    expect(await callInPage<unknown[]>(page, 'sources.list', {})).toHaveLength(before);
  });
});
