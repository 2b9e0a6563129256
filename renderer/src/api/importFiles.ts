/** Imports dropped or picked files one by one, reporting progress and each file's outcome without stopping. */
import { bytesToBase64 } from '../features/common/lib/base64';
import { importFile, refreshAfterImport, refreshAfterPdfUpgrade } from './mutations';

export interface ImportProgress {
  current: number;
  total: number;
  fileName: string;
}

export type FileOutcome =
  | { fileName: string; status: 'imported'; title: string; sourceId: string }
  | { fileName: string; status: 'duplicate'; title: string; sourceId: string }
  /** An older text-only source of this PDF got its pages: highlights re-anchored (`carried`), the rest kept as orphans. */
  | { fileName: string; status: 'upgraded'; title: string; sourceId: string; carried: number; orphaned: number }
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
      const { source, duplicate, upgraded } = reply.value;
      if (upgraded) {
        // The same source, changed in place: its reader and its library row show pages from now on.
        await refreshAfterPdfUpgrade(source.id);
        outcomes.push({
          fileName: file.name, status: 'upgraded', title: source.meta.title, sourceId: source.id,
          carried: upgraded.carried, orphaned: upgraded.orphans.length,
        });
        continue;
      }
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
