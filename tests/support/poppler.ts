/** Whether poppler-utils (pdftotext, pdfinfo) are installed, for the tests that read printed PDFs back. */
import { execFileSync } from 'node:child_process';

export const hasPoppler = ((): boolean => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
