/** Runs a file import batch for the library screen and tells the user how each file went. */
import { useCallback, useRef, useState } from 'react';
import { importFiles, type FileOutcome, type ImportProgress } from '../../../api/importFiles';
import { upgradeMessage } from './upgradeMessage';
import { notifyError, notifySuccess, notifyWarning } from '../../../api/notify';

export const ACCEPTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf'];

function report(outcomes: FileOutcome[]): void {
  for (const o of outcomes) {
    if (o.status === 'failed') notifyError(`Could not import ${o.fileName}`, o.message);
    if (o.status === 'upgraded') notifySuccess('PDF pages added', upgradeMessage(o.title, o.carried, o.orphaned));
    if (o.status === 'duplicate') {
      notifyWarning('Already in the library', `${o.fileName} is already in the library (as “${o.title}”).`);
    }
  }
  const imported = outcomes.filter((o) => o.status === 'imported');
  if (imported.length === 1 && imported[0]?.status === 'imported') {
    notifySuccess('File imported', `Added “${imported[0].title}” to the library.`);
  } else if (imported.length > 1) {
    notifySuccess('Files imported', `Added ${imported.length} of ${outcomes.length} files to the library.`);
  }
}

export function useFileImport() {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());

  /** Batches dropped while one runs wait their turn, so progress always describes one batch. */
  const run = useCallback((files: File[]) => {
    if (files.length === 0) return;
    queue.current = queue.current.then(async () => {
      try {
        report(await importFiles(files, setProgress));
      } finally {
        setProgress(null);
      }
    });
  }, []);

  return { progress, importFiles: run };
}
