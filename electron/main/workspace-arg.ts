/**
 * The desktop app's workspace folder, by the one rule every host uses (services/paths.ts): --workspace DIR (or
 * --workspace=DIR), else $WORKBENCH_WORKSPACE, else the default under the user's application-data folder.
 * The desktop app alone also remembers: without either, it reopens the last workspace used (as Obsidian and VS Code
 * do), if its folder still exists. The CLI and browser mode keep the default, so scripts never depend on the app's history.
 * Not parsed strictly: Electron and Chromium put their own switches on the command line.
 */
import fs from 'node:fs';
import { resolveWorkspaceDir } from '../services/paths';

export interface RememberedWorkspaces {
  /** Recently opened workspace folders, newest first (the recent list, see workspaces/recent.ts). */
  recent: readonly string[];
  /** Whether a folder exists; a stat unless a test injects one. */
  isDir?: (dir: string) => boolean;
}

const statDir = (dir: string): boolean => {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
};

/** The --workspace value, if the command line names one. */
export function workspaceFlag(argv: readonly string[]): string | undefined {
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--workspace' && argv[i + 1] !== undefined) flag = argv[i + 1];
    else if (a.startsWith('--workspace=')) flag = a.slice('--workspace='.length);
  }
  return flag;
}

export function desktopWorkspaceDir(argv: readonly string[], remembered?: RememberedWorkspaces): string {
  const flag = workspaceFlag(argv);
  if (flag === undefined && process.env.WORKBENCH_WORKSPACE === undefined && remembered) {
    // A folder on an unplugged drive is skipped, not recreated empty: the next one, else the default, opens instead.
    const isDir = remembered.isDir ?? statDir;
    const last = remembered.recent.find((d) => isDir(d));
    if (last !== undefined) return resolveWorkspaceDir(last);
  }
  return resolveWorkspaceDir(flag);
}
