/** Test support: what in a folder other local accounts could read or enter (the permissions tests' check). */
import fs from 'node:fs';
import path from 'node:path';
import { loose, posixModes } from '../../electron/services/store/permissions';

/** Entries under `dir` (itself included, links not followed) that other local accounts can read or enter. */
export function looseEntries(dir: string): string[] {
  if (!posixModes()) return [];
  const found: string[] = [];
  const visit = (p: string): void => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    if (loose(st.mode)) found.push(`${path.relative(dir, p) || '.'} (${(st.mode & 0o777).toString(8)})`);
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
  };
  visit(dir);
  return found;
}
