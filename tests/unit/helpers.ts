/** Test helpers: throwaway workspace folders on the real disk. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempDir(prefix = 'wb-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const sampleArticle = (): Buffer => fs.readFileSync(path.join(repoRoot, 'seeds/sample-article.txt'));
