/** First run: an empty workspace gets the sample article, so the app never opens empty. */
import fs from 'node:fs';
import path from 'node:path';
import type { Workbench } from './workbench';
import { importFile } from './sources';

export const SAMPLE_FILE = 'sample-article.txt';

/** Imports the sample when the workspace has never held a source; returns true when it did. */
export async function seedIfEmpty(wb: Workbench, seedsDir: string): Promise<boolean> {
  if (wb.state.count('sources') > 0 || wb.state.history.undo.length > 0) return false;
  const file = path.join(seedsDir, SAMPLE_FILE);
  if (!fs.existsSync(file)) return false;
  const r = await importFile(wb, SAMPLE_FILE, fs.readFileSync(file));
  return r.ok && !r.value.duplicate;
}
