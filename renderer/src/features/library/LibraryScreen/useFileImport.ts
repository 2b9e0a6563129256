/** File imports from anywhere in the window, one batch at a time, telling the user how each file went. */
import { useSyncExternalStore } from 'react';
import { importFiles, type FileOutcome } from '../../../api/importFiles';
import { createImportQueue } from './importQueue';
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

/** The one queue of this window; every useFileImport shares it. */
const queue = createImportQueue(importFiles, report);

/** Queues files for import and shows the batch running now, wherever in the window it was started. */
export function useFileImport() {
  const progress = useSyncExternalStore(queue.subscribe, queue.progress);
  return { progress, importFiles: enqueue };
}

function enqueue(files: File[]): void {
  // Each file's outcome, failures included, is reported by `report`; only a batch that threw as a whole lands here.
  queue.enqueue(files).catch((e: unknown) => notifyError('Import stopped', (e as Error)?.message ?? String(e)));
}
