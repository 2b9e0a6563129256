/** Imports dropped or picked files one by one, reporting progress and each file's outcome without stopping. */
import { bytesToBase64 } from '../features/common/lib/base64';
import { importFile, refreshAfterImport } from './mutations';

export interface ImportProgress {
  current: number;
  total: number;
  fileName: string;
}

export type FileOutcome =
  | { fileName: string; status: 'imported'; title: string; sourceId: string }
  | { fileName: string; status: 'duplicate'; title: string; sourceId: string }
  | { fileName: string; status: 'failed'; message: string };

export async function importFiles(
  files: readonly File[],
  onProgress: (progress: ImportProgress) => void,
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const [index, file] of files.entries()) {
    onProgress({ current: index + 1, total: files.length, fileName: file.name });
    let dataBase64: string;
    try {
      dataBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    } catch (cause) {
      outcomes.push({ fileName: file.name, status: 'failed', message: `could not read the file (${(cause as Error).message})` });
      continue;
    }
    const reply = await importFile({ fileName: file.name, dataBase64 });
    if (!reply.ok) {
      outcomes.push({ fileName: file.name, status: 'failed', message: reply.error.message });
    } else {
      const { source, duplicate } = reply.value;
      // Rows appear as files arrive rather than all at the end of a long batch.
      if (!duplicate) await refreshAfterImport();
      outcomes.push({
        fileName: file.name,
        status: duplicate ? 'duplicate' : 'imported',
        title: source.meta.title,
        sourceId: source.id,
      });
    }
  }
  return outcomes;
}
