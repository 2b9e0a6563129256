/** Switching workspaces with a fake services host and fake dialogs: success, failures that reopen the previous one, refusals. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspaceSwitcher, classifyFolder, type OpenResult, type SwitcherDeps, type SwitcherDialog, type WorkspaceHost } from './switcher';
import { createRecentStore, type RecentEntry } from './recent';
import { tempDir } from '../../../tests/unit/helpers';

/** A folder that looks like a workspace on disk. */
function workspaceDir(label: string): string {
  const d = tempDir(`wb-${label}-`);
  fs.writeFileSync(path.join(d, 'workspace.json'), '{}');
  return d;
}

/** The services host: opens whatever `results` allows, logs every call in order. */
class FakeHost implements WorkspaceHost {
  log: string[] = [];
  openDir: string | null;
  exports = 0;
  results = new Map<string, OpenResult>();
  private release: (() => void) | null = null;
  constructor(dir: string) { this.openDir = dir; }
  async open(dir: string): Promise<OpenResult> {
    this.log.push(`open ${path.basename(dir)}`);
    const r = this.results.get(dir) ?? { ok: true };
    if (r.ok) this.openDir = dir;
    return r;
  }
  async close(): Promise<void> {
    this.log.push('close');
    this.openDir = null;
  }
  inFlight() { return this.exports; }
  settled() {
    this.log.push('wait for exports');
    return new Promise<void>((resolve) => { this.release = resolve; });
  }
  finishExports() { this.exports = 0; this.release?.(); }
  cancelExports() { this.log.push('cancel exports'); this.exports = 0; }
}

class FakeDialog implements SwitcherDialog {
  picks: Array<string | null> = [];
  answers: number[] = [];
  openCalls: Array<Parameters<SwitcherDialog['showOpenDialog']>[0]> = [];
  boxes: Array<Parameters<SwitcherDialog['showMessageBox']>[0]> = [];
  async showOpenDialog(o: Parameters<SwitcherDialog['showOpenDialog']>[0]) {
    this.openCalls.push(o);
    const p = this.picks.shift() ?? null;
    return p === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [p] };
  }
  async showMessageBox(o: Parameters<SwitcherDialog['showMessageBox']>[0]) {
    this.boxes.push(o);
    return { response: this.answers.shift() ?? 0 };
  }
}

function setup(opts: Partial<SwitcherDeps> = {}) {
  const a = workspaceDir('a');
  const host = new FakeHost(a);
  const dialog = new FakeDialog();
  const recent = createRecentStore({ folder: tempDir('wb-userdata-') });
  recent.add(a);
  const titles: string[] = [];
  const events: string[] = [];
  let menu: RecentEntry[] = [];
  const switcher = createWorkspaceSwitcher({
    host, dialog, recent, currentDir: a,
    setTitle: (d) => titles.push(d),
    reloadRenderer: () => events.push('reload'),
    onRecentChanged: (l) => { menu = l; events.push('menu'); },
    focus: () => events.push('focus'),
    ...opts,
  });
  return { a, host, dialog, recent, titles, events, switcher, menu: () => menu };
}

describe('switching workspaces', () => {
  it('opens the chosen workspace: closes the old one, opens the new, updates recent, title, renderer and menu', async () => {
    const t = setup();
    const b = workspaceDir('b');
    t.dialog.picks.push(b);
    expect(await t.switcher.openWorkspace()).toEqual({ kind: 'switched', dir: b });
    expect(t.dialog.openCalls[0]!.properties).toEqual(['openDirectory']);
    expect(t.host.log).toEqual(['close', `open ${path.basename(b)}`]);
    expect(t.switcher.current()).toBe(b);
    expect(t.titles).toEqual([b]);
    expect(t.events).toEqual(['menu', 'reload']);
    expect(t.menu().map((e) => e.dir)).toEqual([b, t.a]);
    expect(t.recent.list().map((e) => e.dir)).toEqual([b, t.a]);
  });

  it('a workspace locked by another process: the error is shown and the previous workspace is reopened', async () => {
    const t = setup();
    const b = workspaceDir('b');
    t.host.results.set(b, { ok: false, error: { code: 'locked', message: 'The workspace is in use by the command line (pid 4242).' } });
    const outcome = await t.switcher.openRecent(b);
    expect(outcome).toEqual({ kind: 'failed', error: 'The workspace is in use by the command line (pid 4242).', reopened: t.a });
    expect(t.host.log).toEqual(['close', `open ${path.basename(b)}`, `open ${path.basename(t.a)}`]);
    expect(t.host.openDir).toBe(t.a);
    expect(t.switcher.current()).toBe(t.a);
    const box = t.dialog.boxes.at(-1)!;
    expect(box.type).toBe('error');
    expect(box.message).toBe(`Could not open “${path.basename(b)}”`);
    expect(box.detail).toContain('pid 4242');
    expect(box.detail).toContain(`${path.basename(t.a)} is open again.`);
    // The failed folder is not added to recent; the renderer reloads the reopened workspace.
    expect(t.recent.list().map((e) => e.dir)).toEqual([t.a]);
    expect(t.titles).toEqual([t.a]);
    expect(t.events).toContain('reload');
  });

  it('when the previous workspace cannot be reopened either, the fallback (default) workspace is opened', async () => {
    const fallback = workspaceDir('default');
    const t = setup({ fallbackDir: fallback });
    const b = workspaceDir('b');
    t.host.results.set(b, { ok: false, error: { code: 'io', message: 'Permission denied' } });
    t.host.results.set(t.a, { ok: false, error: { code: 'io', message: 'drive gone' } });
    const outcome = await t.switcher.switchTo(b);
    expect(outcome).toMatchObject({ kind: 'failed', reopened: fallback });
    expect(t.host.openDir).toBe(fallback);
    expect(t.switcher.current()).toBe(fallback);
    expect(t.dialog.boxes.at(-1)!.detail).toContain(`could not be reopened either; ${fallback} is open instead`);
  });

  it('when nothing can be opened again (no fallback either), the error says to restart the app', async () => {
    const t = setup();
    const b = workspaceDir('b');
    t.host.results.set(b, { ok: false, error: { code: 'io', message: 'Permission denied' } });
    t.host.results.set(t.a, { ok: false, error: { code: 'io', message: 'drive gone' } });
    expect(await t.switcher.switchTo(b)).toEqual({ kind: 'failed', error: 'Permission denied', reopened: null });
    expect(t.dialog.boxes.at(-1)!.detail).toBe('Permission denied\n\nNo workspace could be reopened: restart the app.');
    expect(t.titles).toEqual([]);
  });

  it('a workspace that cannot be closed: the previous one is made sure to be open, and the error says so', async () => {
    const t = setup();
    const b = workspaceDir('b');
    t.host.close = async () => { t.host.log.push('close'); throw new Error('compaction failed: disk full'); };
    expect(await t.switcher.switchTo(b)).toEqual({ kind: 'failed', error: 'compaction failed: disk full', reopened: t.a });
    expect(t.host.log).toEqual(['close', `open ${path.basename(t.a)}`]);
    expect(t.dialog.boxes.at(-1)).toMatchObject({ type: 'error', message: 'The workspace could not be closed', detail: `compaction failed: disk full\n\nStill open: ${t.a}.` });
    expect(t.switcher.current()).toBe(t.a);
  });

  it('a host that rejects (its process died) counts as a failed open, not an unhandled rejection', async () => {
    const t = setup();
    const b = workspaceDir('b');
    t.host.open = async (dir) => {
      t.host.log.push(`open ${path.basename(dir)}`);
      if (dir === b) throw new Error('services host exited');
      t.host.openDir = dir;
      return { ok: true };
    };
    expect(await t.switcher.switchTo(b)).toMatchObject({ kind: 'failed', error: 'services host exited', reopened: t.a });
  });

  it('choosing the workspace already open just focuses the window', async () => {
    const t = setup();
    t.dialog.picks.push(`${t.a}${path.sep}`);
    expect(await t.switcher.openWorkspace()).toEqual({ kind: 'focused' });
    expect(t.host.log).toEqual([]);
    expect(t.events).toEqual(['focus']);
  });

  it('a cancelled folder dialog changes nothing', async () => {
    const t = setup();
    t.dialog.picks.push(null);
    expect(await t.switcher.openWorkspace()).toEqual({ kind: 'cancelled' });
    expect(t.host.log).toEqual([]);
  });
});

describe('new and non-workspace folders', () => {
  it('New Workspace refuses a non-empty folder that is not a workspace, with a clear message, and keeps the current one open', async () => {
    const t = setup();
    const docs = tempDir('wb-docs-');
    fs.writeFileSync(path.join(docs, 'thesis.docx'), 'x');
    t.dialog.picks.push(docs);
    const outcome = await t.switcher.newWorkspace();
    expect(outcome.kind).toBe('refused');
    expect(t.dialog.openCalls[0]!.properties).toEqual(['openDirectory', 'createDirectory', 'promptToCreate']);
    expect(t.dialog.boxes[0]).toMatchObject({ type: 'error', message: 'This folder cannot become a workspace' });
    expect(t.dialog.boxes[0]!.detail).toMatch(/already contains other files.*empty folder/);
    expect(t.host.log).toEqual([]);
    expect(fs.readdirSync(docs)).toEqual(['thesis.docx']);
  });

  it('New Workspace takes an empty folder (OS litter ignored) or one the dialog is about to create', async () => {
    const t = setup();
    const empty = tempDir('wb-empty-');
    fs.writeFileSync(path.join(empty, '.DS_Store'), '');
    t.dialog.picks.push(empty);
    expect(await t.switcher.newWorkspace()).toEqual({ kind: 'switched', dir: empty });
    const fresh = path.join(tempDir('wb-parent-'), 'Case 2026');
    t.dialog.picks.push(fresh);
    expect(await t.switcher.newWorkspace()).toEqual({ kind: 'switched', dir: fresh });
  });

  it('Open Workspace refuses a folder of other files, and a file', async () => {
    const t = setup();
    const docs = tempDir('wb-docs-');
    fs.writeFileSync(path.join(docs, 'notes.txt'), 'x');
    expect((await t.switcher.switchTo(docs)).kind).toBe('refused');
    expect(t.dialog.boxes[0]!.detail).toMatch(/not an Analyst Workbench workspace/);
    expect((await t.switcher.switchTo(path.join(docs, 'notes.txt'))).kind).toBe('refused');
    expect(t.host.log).toEqual([]);
  });

  it('a damaged workspace (no workspace.json, but its journal) still goes to the services, which open recovery mode', () => {
    const d = tempDir('wb-damaged-');
    fs.writeFileSync(path.join(d, 'journal.log'), 'garbage');
    expect(classifyFolder(d)).toBe('workspace');
  });

  it('a recent entry whose folder is gone offers to remove it, and opens nothing', async () => {
    const t = setup();
    const gone = workspaceDir('gone');
    t.recent.add(gone);
    fs.rmSync(gone, { recursive: true });
    t.dialog.answers.push(0); // Remove from Recent
    expect(await t.switcher.openRecent(gone)).toEqual({ kind: 'refused', reason: 'missing' });
    expect(t.dialog.boxes[0]!.message).toContain('cannot be found');
    expect(t.recent.list().map((e) => e.dir)).toEqual([t.a]);
    expect(t.menu().map((e) => e.dir)).toEqual([t.a]);
    expect(t.host.log).toEqual([]);
  });

  it('Clear Recent keeps only the open workspace (the one the next launch reopens)', () => {
    const t = setup();
    t.recent.add(workspaceDir('b'));
    expect(t.switcher.clearRecent().map((e) => e.dir)).toEqual([t.a]);
    expect(t.menu().map((e) => e.dir)).toEqual([t.a]);
  });
});

describe('switching while an export runs', () => {
  it('Wait: the switch happens once the export is saved', async () => {
    const t = setup();
    const b = workspaceDir('b');
    t.host.exports = 1;
    t.dialog.answers.push(0);
    const pending = t.switcher.switchTo(b);
    await new Promise((r) => setImmediate(r));
    expect(t.dialog.boxes[0]!.message).toBe('An export is still running');
    expect(t.dialog.boxes[0]!.buttons).toEqual(['Wait for it, then switch', 'Cancel the export and switch', 'Stay in this workspace']);
    expect(t.host.log).toEqual(['wait for exports']);
    t.host.finishExports();
    expect(await pending).toEqual({ kind: 'switched', dir: b });
    expect(t.host.log).toEqual(['wait for exports', 'close', `open ${path.basename(b)}`]);
  });

  it('Cancel: the export is cancelled, then the switch goes ahead; Stay: nothing changes', async () => {
    const t = setup();
    const b = workspaceDir('b');
    t.host.exports = 2;
    t.dialog.answers.push(2);
    expect(await t.switcher.switchTo(b)).toEqual({ kind: 'cancelled' });
    expect(t.dialog.boxes[0]!.detail).toMatch(/^2 dossier exports have not finished/);
    expect(t.host.log).toEqual([]);
    t.dialog.answers.push(1);
    expect(await t.switcher.switchTo(b)).toEqual({ kind: 'switched', dir: b });
    expect(t.host.log).toEqual(['cancel exports', 'close', `open ${path.basename(b)}`]);
  });
});
