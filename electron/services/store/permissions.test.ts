/** Owner-only permissions: a workspace, its backups, quarantine and CLI exports are unreadable by other local accounts. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleArticle, tempDir } from '../../../tests/unit/helpers';
import { buildSampleWorkspace } from '../../../tests/support/dossier-fixture';
import { WorkspaceStore } from './workspace-store';
import { quarantineFile } from './quarantine';
import { posixModes, tightenWorkspace } from './permissions';
import { looseEntries } from '../../../tests/support/permissions';
import { runCli } from '../../cli/main';

const posix = posixModes();
let oldUmask = 0;

// The usual desktop umask: without explicit modes every file would come out 0644 and every folder 0755.
beforeEach(() => { oldUmask = process.umask(0o022); });
afterEach(() => {
  process.umask(oldUmask);
  vi.restoreAllMocks();
});

const modeOf = (p: string): string => (fs.statSync(p).mode & 0o777).toString(8);

describe.runIf(posix)('owner-only workspace files', () => {
  it('creates the workspace, journal, snapshot, texts, lock, backups and quarantine with 0700 folders and 0600 files', async () => {
    const dir = path.join(tempDir(), 'nested', 'workspace');
    const ws = await buildSampleWorkspace(dir, sampleArticle());
    ws.wb.store.backup('manual');
    await ws.wb.store.compact();
    fs.writeFileSync(path.join(dir, 'stray.json'), '{}', { mode: 0o600 });
    quarantineFile(dir, 'stray.json');
    // While open: the lock and the journal exist too.
    expect(fs.existsSync(path.join(dir, '.lock'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'journal.log'))).toBe(true);
    expect(looseEntries(dir)).toEqual([]);
    expect(modeOf(dir)).toBe('700');
    expect(modeOf(path.join(dir, 'snapshot.json'))).toBe('600');
    expect(modeOf(path.join(dir, 'journal.log'))).toBe('600');
    expect(modeOf(path.join(dir, '.lock'))).toBe('600');
    expect(modeOf(path.join(dir, 'texts', fs.readdirSync(path.join(dir, 'texts'))[0]!))).toBe('600');
    expect(modeOf(path.join(dir, 'backups'))).toBe('700');
    expect(modeOf(path.join(dir, 'quarantine'))).toBe('700');
    await ws.wb.close();
    // Folders created on the way to the workspace are the user's too.
    expect(modeOf(path.dirname(dir))).toBe('700');
  });

  it('tightens a workspace made with 0755/0644 when it is opened, without following links out of it', async () => {
    const dir = tempDir();
    const ws = await buildSampleWorkspace(dir, sampleArticle());
    ws.wb.store.backup('manual');
    await ws.wb.close();
    const outside = path.join(tempDir('wb-outside-'), 'shared.txt');
    fs.writeFileSync(outside, 'not ours', { mode: 0o644 });
    fs.symlinkSync(outside, path.join(dir, 'link-to-outside'));
    // What an older version left behind: everything readable by every local user.
    const loosen = (p: string): void => {
      const st = fs.lstatSync(p);
      if (st.isSymbolicLink()) return;
      fs.chmodSync(p, st.isDirectory() ? 0o755 : 0o644);
      if (st.isDirectory()) for (const n of fs.readdirSync(p)) loosen(path.join(p, n));
    };
    loosen(dir);
    expect(looseEntries(dir).length).toBeGreaterThan(5);

    const store = await WorkspaceStore.open(dir, { autoBackup: false });
    expect(looseEntries(dir)).toEqual([]);
    expect(modeOf(outside)).toBe('644');
    await store.close();
    // Already private: nothing to do on the next open.
    expect(tightenWorkspace(dir)).toBe(0);
  });

  it('writes CLI exports owner-only', async () => {
    const dir = tempDir();
    const ws = await buildSampleWorkspace(dir, sampleArticle());
    await ws.wb.close();
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out = path.join(tempDir('wb-export-'), 'annotations.jsonld');
    expect(await runCli(['--workspace', dir, 'export', 'annotations', '--format', 'w3c', '--out', out])).toBe(0);
    expect(modeOf(out)).toBe('600');
  });
});
