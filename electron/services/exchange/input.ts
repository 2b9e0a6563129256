/** Builds the one read-only snapshot every exchange exporter gets (ExchangeInput) from the open workbench. */
import { COLLECTION_NAMES, type WorkspaceCollections } from '../../../shared/domain/types';
import type { Workbench } from '../workbench/workbench';
import type { ExchangeInput } from './types';

/**
 * Records in a stable order (creation time, then id) so that two exports of an unchanged workspace are byte-identical;
 * texts are read lazily, by content hash, since an export may not need them all.
 */
export function exchangeInputOf(wb: Workbench, generatedAt: string = new Date().toISOString()): ExchangeInput {
  const records = {} as { [C in keyof WorkspaceCollections]: WorkspaceCollections[C][] };
  for (const name of COLLECTION_NAMES) {
    const all = wb.state.all(name) as Array<{ id: string; createdAt?: string }>;
    (records as Record<string, unknown>)[name] = [...all].sort((a, b) =>
      (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.id.localeCompare(b.id));
  }
  return { workspaceId: wb.store.manifest.id, records, textOf: (hash) => wb.store.texts.get(hash), generatedAt };
}
