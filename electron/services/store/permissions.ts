/** Owner-only permissions for a workspace: new files are created 0600/0700; older, looser workspaces are tightened on open. */
import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_DIR_MODE } from './durable-fs';

/** Whether permission bits mean anything here (Windows ignores them: access follows the folder's ACL). */
export const posixModes = (): boolean => process.platform !== 'win32';

/** Whether group or other accounts have any access. */
export const loose = (mode: number): boolean => (mode & 0o077) !== 0;

/**
 * Removes group/other access from the workspace folder and everything in it, without following symbolic links
 * (a link may point outside the workspace, at a file that is not ours to change). Runs only when the root itself
 * is loose, i.e. once for a workspace made before owner-only permissions: a private root already shuts every
 * other account out of everything below it, so the walk is not repeated on every open.
 * Returns how many entries were changed. Failures (a folder the user does not own) are skipped, never fatal:
 * the workspace still opens; the doctor reports what stays readable.
 */
export function tightenWorkspace(dir: string): number {
  if (!posixModes()) return 0;
  let root: fs.Stats;
  try {
    root = fs.lstatSync(dir);
  } catch {
    return 0;
  }
  if (!root.isDirectory() || !loose(root.mode)) return 0;
  let changed = 0;
  const visit = (p: string, st: fs.Stats): void => {
    if (st.isSymbolicLink()) return;
    if (loose(st.mode)) {
      try {
        // Files keep the owner's own bits (a read-only text stays read-only); only group and other lose access.
        fs.chmodSync(p, st.isDirectory() ? PRIVATE_DIR_MODE : st.mode & 0o700);
        changed++;
      } catch { /* not ours to change: left as it is */ }
    }
    if (!st.isDirectory()) return;
    let names: string[] = [];
    try {
      names = fs.readdirSync(p);
    } catch {
      return;
    }
    for (const name of names) {
      const child = path.join(p, name);
      try {
        visit(child, fs.lstatSync(child));
      } catch { /* vanished meanwhile */ }
    }
  };
  visit(dir, root);
  return changed;
}
