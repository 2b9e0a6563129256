/**
 * One queue for every file import in the window (the Library's drop zone and picker, a drop anywhere on the window,
 * the menu's Import…): batches run one after another and every view shows the same progress.
 */
import type { FileOutcome, ImportProgress } from '../../../api/importFiles';

export type RunImport = (files: File[], onProgress: (p: ImportProgress) => void) => Promise<FileOutcome[]>;

export interface ImportQueue {
  /** Adds a batch; it starts when the batches before it have finished. Resolves with its outcomes. */
  enqueue(files: File[]): Promise<FileOutcome[]>;
  /** The batch running now (null when idle), for useSyncExternalStore. */
  progress(): ImportProgress | null;
  subscribe(listener: () => void): () => void;
}

export function createImportQueue(run: RunImport, report: (outcomes: FileOutcome[]) => void): ImportQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let current: ImportProgress | null = null;
  const listeners = new Set<() => void>();
  const set = (p: ImportProgress | null) => {
    current = p;
    for (const l of listeners) l();
  };
  return {
    enqueue(files) {
      if (files.length === 0) return Promise.resolve([]);
      const batch = tail.then(async () => {
        try {
          const outcomes = await run(files, set);
          report(outcomes);
          return outcomes;
        } finally {
          set(null);
        }
      });
      // A failed batch must not stop the ones queued behind it.
      tail = batch.catch(() => undefined);
      return batch;
    },
    progress: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
