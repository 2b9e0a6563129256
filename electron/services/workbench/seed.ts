/** First run: an empty workspace gets the sample article, so the app never opens empty. */
import fs from 'node:fs';
import path from 'node:path';
import type { Workbench } from './workbench';
import { importFile } from './sources';

export const SAMPLE_FILE = 'sample-article.txt';

/**
 * Imports the sample when the workspace has never held a source; returns true when it did. The import is
 * quiet: journaled and durable like any change, but not an undo step, since the user did not ask for it.
 * (Workspaces seeded by older versions keep their "Import …" step; they open unchanged.)
 */
export async function seedIfEmpty(wb: Workbench, seedsDir: string): Promise<boolean> {
  const { undo, redo } = wb.state.history;
  // Any history means the user has worked here (perhaps deleting the sample): never seed again then.
  if (wb.state.count('sources') > 0 || undo.length > 0 || redo.length > 0) return false;
  const file = path.join(seedsDir, SAMPLE_FILE);
  if (!fs.existsSync(file)) return false;
  const r = await importFile(wb, SAMPLE_FILE, fs.readFileSync(file), { quiet: true });
  return r.ok && !r.value.duplicate;
}
