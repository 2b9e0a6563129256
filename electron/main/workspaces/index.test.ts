/** The workspaces wiring the shell calls: launch folder from the recent list, the launch workspace recorded and titled. */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installWorkspaces, launchWorkspaceDir, openRecentWorkspaces, type RecentEntry } from './index';
import { tempDir } from '../../../tests/unit/helpers';

class FakeWindow extends EventEmitter {
  title = '';
  calls: string[] = [];
  isDestroyed() { return false; }
  setTitle(t: string) { this.title = t; }
  setRepresentedFilename() { /* macOS only */ }
  isMinimized() { return false; }
  restore() { this.calls.push('restore'); }
  show() { this.calls.push('show'); }
  focus() { this.calls.push('focus'); }
}

describe('installWorkspaces', () => {
  it('at launch: the last existing workspace is chosen; once open it is recorded, the menu told and the window titled', async () => {
    const saved = process.env.WORKBENCH_WORKSPACE;
    delete process.env.WORKBENCH_WORKSPACE;
    try {
      const userData = tempDir('wb-userdata-');
      const [older, last] = [tempDir('wb-older-'), tempDir('wb-last-')];
      const first = openRecentWorkspaces(userData);
      first.add(older);
      first.add(last);
      fs.rmSync(last, { recursive: true });

      const recent = openRecentWorkspaces(userData);
      const dir = launchWorkspaceDir(['electron', '.'], recent);
      expect(dir).toBe(older);

      const win = new FakeWindow();
      let menu: RecentEntry[] = [];
      const switcher = installWorkspaces({
        host: { open: async () => ({ ok: true }), close: async () => undefined, inFlight: () => 0, settled: async () => undefined, cancelExports: () => undefined },
        recent, initialDir: dir, getWindow: () => win, platform: 'linux',
        dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showMessageBox: async () => ({ response: 0 }) },
        reloadRenderer: () => undefined, onRecentChanged: (l) => { menu = l; },
      });
      expect(win.title).toBe(`${path.basename(older)} — Analyst Workbench`);
      expect(menu.map((e) => [e.dir, e.missing])).toEqual([[older, false], [last, true]]);
      expect(switcher.current()).toBe(older);
      expect(await switcher.openRecent(older)).toEqual({ kind: 'focused' });
      expect(win.calls).toEqual(['show', 'focus']);
    } finally {
      if (saved !== undefined) process.env.WORKBENCH_WORKSPACE = saved;
    }
  });
});
