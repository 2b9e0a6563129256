/** Open, create and switch workspaces from the app; a failed switch reopens the previous one, so something is always open. */
import fs from 'node:fs';
import path from 'node:path';
import { CANCEL, WAIT, type QuitDialog } from '../lifecycle';
import { folderKey, type RecentEntry, type RecentStore } from './recent';

export type OpenResult = { ok: true } | { ok: false; error: { code: string; message: string } };

/** The services host client, as far as switching needs it (implemented by the services-host client). */
export interface WorkspaceHost {
  open(dir: string): Promise<OpenResult>;
  close(): Promise<void>;
  /** Dossier exports not yet finished in the open workspace. */
  inFlight(): number;
  settled(): Promise<void>;
  cancelExports(): void;
}

/** Electron's dialog, bound to the main window by the caller. */
export interface SwitcherDialog {
  showOpenDialog(options: {
    title: string; buttonLabel: string; message?: string; defaultPath?: string;
    properties: Array<'openDirectory' | 'createDirectory' | 'promptToCreate'>;
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showMessageBox(options: {
    type: 'info' | 'warning' | 'error' | 'question'; message: string; detail?: string; buttons: string[];
    defaultId?: number; cancelId?: number; noLink?: boolean;
  }): Promise<{ response: number }>;
}

export interface SwitcherDeps {
  host: WorkspaceHost;
  dialog: SwitcherDialog;
  recent: RecentStore;
  /** The workspace open now (already opened by the host). */
  currentDir: string;
  setTitle(dir: string): void;
  /** Tells the renderer the data behind it changed (a new workspace, or the old one reopened). */
  reloadRenderer(): void;
  /** Rebuild the Open Recent menu. */
  onRecentChanged(list: RecentEntry[]): void;
  focus(): void;
  /** Tried last when neither the chosen nor the previous workspace opens (the default workspace). */
  fallbackDir?: string;
  /** Asks Wait / Cancel while exports run; defaults to a message box with the same buttons as quitting uses. */
  ask?: QuitDialog;
  platform?: NodeJS.Platform;
}

export type SwitchOutcome =
  | { kind: 'switched'; dir: string }
  | { kind: 'focused' }
  | { kind: 'cancelled' }
  | { kind: 'refused'; reason: string }
  | { kind: 'failed'; error: string; reopened: string | null };

export interface WorkspaceSwitcher {
  current(): string;
  openWorkspace(): Promise<SwitchOutcome>;
  newWorkspace(): Promise<SwitchOutcome>;
  openRecent(dir: string): Promise<SwitchOutcome>;
  clearRecent(): RecentEntry[];
  /** Switches to `dir` (a folder named on a second launch, for instance); `how` decides what a non-workspace folder means. */
  switchTo(dir: string, how?: 'open' | 'new'): Promise<SwitchOutcome>;
}

type FolderKind = 'workspace' | 'empty' | 'other' | 'missing' | 'not-a-folder' | 'unreadable';

/** Files a workspace folder holds (store/manifest.ts, snapshot.ts, load.ts, backups.ts, quarantine.ts); any one means "ours, maybe damaged". */
const WORKSPACE_MARKERS = ['workspace.json', 'snapshot.json', 'journal.log', 'backups', 'recovery.json'];
/** What operating systems drop into folders on their own: a folder with only these is still empty. */
const OS_LITTER = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini', '.localized']);

export function classifyFolder(dir: string): FolderKind {
  let names: string[];
  try {
    if (!fs.statSync(dir).isDirectory()) return 'not-a-folder';
    names = fs.readdirSync(dir);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  if (names.some((n) => WORKSPACE_MARKERS.includes(n))) return 'workspace';
  return names.every((n) => OS_LITTER.has(n)) ? 'empty' : 'other';
}

const BUSY_BUTTONS = ['Wait for it, then switch', 'Cancel the export and switch', 'Stay in this workspace'];
const STAY = 2;

export function createWorkspaceSwitcher(deps: SwitcherDeps): WorkspaceSwitcher {
  const { host, dialog, recent } = deps;
  const platform = deps.platform ?? process.platform;
  let current = path.resolve(deps.currentDir);
  let busy = false;
  const ask: QuitDialog = deps.ask ?? {
    ask: async (message, detail, buttons) => (await dialog.showMessageBox({ type: 'question', message, detail, buttons, defaultId: 0, cancelId: STAY, noLink: true })).response,
  };
  const name = (dir: string) => path.basename(dir) || dir;
  const error = (message: string, detail: string) => dialog.showMessageBox({ type: 'error', message, detail, buttons: ['OK'] });

  /** A rejecting host (its process died, say) is a failed open like any other. */
  const tryOpen = async (dir: string): Promise<OpenResult> => {
    try {
      return await host.open(dir);
    } catch (e) {
      return { ok: false, error: { code: 'internal', message: (e as Error)?.message ?? String(e) } };
    }
  };

  const opened = (dir: string): void => {
    current = dir;
    deps.setTitle(dir);
    deps.onRecentChanged(recent.add(dir));
    deps.reloadRenderer();
  };

  /** Exports would be thrown away by closing: ask first, as quitting does. False: the user chose to stay. */
  const settleExports = async (): Promise<boolean> => {
    while (host.inFlight() > 0) {
      const n = host.inFlight();
      const detail = `${n === 1 ? 'A dossier export has' : `${n} dossier exports have`} not finished in this workspace. Wait, and the switch happens once the file is saved; or cancel the export and switch now.`;
      const choice = await ask.ask('An export is still running', detail, [...BUSY_BUTTONS]);
      if (choice === CANCEL) {
        host.cancelExports();
        return true;
      }
      if (choice !== WAIT) return false;
      await host.settled(); // then ask again if another export started meanwhile
    }
    return true;
  };

  /** The previous workspace, else the fallback: the app must not end up with nothing open. */
  const reopenSomething = async (previous: string): Promise<string | null> => {
    for (const dir of [previous, deps.fallbackDir].filter((d): d is string => !!d)) {
      if ((await tryOpen(dir)).ok) {
        opened(dir);
        return dir;
      }
    }
    return null;
  };

  const precheck = async (target: string, how: 'open' | 'new' | 'recent'): Promise<SwitchOutcome | null> => {
    const kind = classifyFolder(target);
    if (kind === 'workspace') return null;
    if (how === 'new' && (kind === 'empty' || kind === 'missing')) return null; // the services create it
    if (how === 'open' && kind === 'empty') return null; // an empty folder becomes a new workspace, as New would make it
    if (kind === 'missing' && how === 'recent') {
      const r = await dialog.showMessageBox({
        type: 'warning', message: `“${name(target)}” cannot be found`,
        detail: `The folder ${target} no longer exists (moved, renamed, deleted, or on a drive that is not connected).`,
        buttons: ['Remove from Recent', 'Keep in Recent'], defaultId: 1, cancelId: 1,
      });
      if (r.response === 0) deps.onRecentChanged(recent.remove(target));
      return { kind: 'refused', reason: 'missing' };
    }
    const reasons: Record<Exclude<FolderKind, 'workspace'>, string> = {
      other: how === 'new'
        ? `${target} already contains other files. A new workspace needs an empty folder, so nothing of yours gets mixed with the workspace's files: choose or create an empty folder.`
        : `${target} is not an Analyst Workbench workspace (it has no workspace.json) and is not empty. Choose a workspace folder, or use File › New Workspace… with an empty folder.`,
      empty: `${target} is empty: there is no workspace to open. Use File › New Workspace… to create one here.`,
      missing: `${target} does not exist.`,
      'not-a-folder': `${target} is a file, not a folder.`,
      unreadable: `${target} cannot be read (permission denied or the drive is unavailable).`,
    };
    const reason = reasons[kind];
    await error(how === 'new' ? 'This folder cannot become a workspace' : 'This folder cannot be opened as a workspace', reason);
    return { kind: 'refused', reason };
  };

  const switchTo = async (dir: string, how: 'open' | 'new' | 'recent' = 'open'): Promise<SwitchOutcome> => {
    const target = path.resolve(dir);
    if (folderKey(target, platform) === folderKey(current, platform)) {
      deps.focus();
      return { kind: 'focused' };
    }
    if (busy) return { kind: 'cancelled' }; // one switch at a time; the dialogs of the first are still up
    busy = true;
    try {
      const refused = await precheck(target, how);
      if (refused) return refused;
      if (!(await settleExports())) return { kind: 'cancelled' };
      const previous = current;
      try {
        await host.close();
      } catch (e) {
        // Something may still be open; make sure it is the previous workspace, and say what happened.
        const reopened = await reopenSomething(previous);
        await error('The workspace could not be closed', `${(e as Error).message}\n\nStill open: ${reopened ?? 'nothing'}.`);
        return { kind: 'failed', error: (e as Error).message, reopened };
      }
      const r = await tryOpen(target);
      if (r.ok) {
        opened(target);
        return { kind: 'switched', dir: target };
      }
      const reopened = await reopenSomething(previous);
      const after = reopened === previous
        ? `${name(previous)} is open again.`
        : reopened ? `${name(previous)} could not be reopened either; ${reopened} is open instead.` : 'No workspace could be reopened: restart the app.';
      await error(`Could not open “${name(target)}”`, `${r.error.message}\n\n${after}`);
      return { kind: 'failed', error: r.error.message, reopened };
    } finally {
      busy = false;
    }
  };

  const pick = async (how: 'open' | 'new'): Promise<SwitchOutcome> => {
    const r = await dialog.showOpenDialog(how === 'open'
      ? { title: 'Open Workspace', buttonLabel: 'Open Workspace', properties: ['openDirectory'], defaultPath: path.dirname(current) }
      : {
        title: 'New Workspace', buttonLabel: 'Create Workspace', message: 'Choose or create an empty folder for the new workspace',
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'], defaultPath: path.dirname(current),
      });
    const chosen = r.filePaths[0];
    if (r.canceled || !chosen) return { kind: 'cancelled' };
    return switchTo(chosen, how);
  };

  return {
    current: () => current,
    openWorkspace: () => pick('open'),
    newWorkspace: () => pick('new'),
    openRecent: (dir) => switchTo(dir, 'recent'),
    clearRecent() {
      // The open workspace stays listed: it is where the next launch starts.
      recent.clear();
      const list = recent.add(current);
      deps.onRecentChanged(list);
      return list;
    },
    switchTo: (dir, how = 'open') => switchTo(dir, how),
  };
}
