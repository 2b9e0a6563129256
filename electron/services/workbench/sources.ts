/** Sources: import (deduplicated by content hash), metadata edits, deletion, and the reader view. */
import { ok } from '../../../shared/domain/result';
import type { Op } from '../../../shared/domain/ops';
import type { Source, SourceKind, SourceMeta, Reliability } from '../../../shared/domain/types';
import type { ImportOutcome, ReaderView, SourceSummary } from '../../../shared/contract/views';
import { anchorAll } from '../../../shared/anchoring';
import { importBytes, importPastedText, type ImportedDocument, type ImportRejection } from '../import';
import type { Result } from '../../../shared/domain/result';
import { fail, newId, now, type ServiceResult, type Workbench } from './workbench';
import { dependentsOfSource } from './dependents';

export function listSources(wb: Workbench): SourceSummary[] {
  return wb.state.all('sources').map((s) => ({ ...s, highlightCount: wb.state.highlightCount(s.id) }));
}

export function openSource(wb: Workbench, id: string): ServiceResult<ReaderView, 'not_found'> {
  const source = wb.state.get('sources', id);
  if (!source) return fail('not_found', `No source with id ${id}.`);
  const text = wb.store.texts.get(source.contentHash);
  if (text === null) return fail('not_found', `The text of "${source.meta.title}" is missing or damaged in the workspace.`);
  const hs = wb.state.highlightsOf(id).sort((a, b) => a.position.start - b.position.start);
  const anchored = anchorAll(text, hs.map((h) => ({ quote: h.quote, position: h.position })));
  return ok({
    source,
    text,
    highlights: hs.map((h, i) => {
      const a = anchored[i]!;
      return { highlight: h, status: a.status, range: a.status === 'orphan' ? null : { start: a.start, end: a.end } };
    }),
  });
}

/** Adds an imported document unless identical text is already a source (then reports the existing one). */
/** `quiet`: durable and journaled, but not an undoable step (the first-run sample is not the user's action). */
function addImported(
  wb: Workbench, doc: Result<ImportedDocument, ImportRejection>, fileName: string, opts: { quiet?: boolean } = {},
): ServiceResult<ImportOutcome, 'import_rejected'> {
  if (!doc.ok) return fail('import_rejected', doc.error.message, { reason: doc.error.reason, fileName: doc.error.fileName });
  const { text, kind, meta } = doc.value;
  // The text file is content-addressed and immutable; writing it before the journal entry means a crash
  // can leave at most an unreferenced text file, never a source without its text.
  let hash: string;
  try {
    hash = wb.store.texts.put(text);
  } catch (e) {
    return fail('storage_failed', `Could not save the text of ${fileName || 'the pasted text'}: ${(e as Error).message}`);
  }
  const existing = wb.state.all('sources').find((s) => s.contentHash === hash);
  if (existing) return ok({ source: existing, duplicate: true });
  const t = now();
  const source: Source = {
    id: newId(), kind: kind as SourceKind, fileName, contentHash: hash, textLength: text.length,
    meta: { ...meta, authors: [...meta.authors] }, reliability: 'F', createdAt: t, updatedAt: t,
  };
  return wb.run(`Import “${source.meta.title}”`, () => ok({ ops: [{ t: 'put', c: 'sources', v: source }], value: { source, duplicate: false } }), opts);
}

export async function importFile(wb: Workbench, fileName: string, bytes: Uint8Array, opts: { quiet?: boolean } = {}) {
  return addImported(wb, await importBytes(fileName, bytes), fileName, opts);
}

export async function importText(wb: Workbench, text: string, title?: string) {
  return addImported(wb, await importPastedText(text, title), '');
}

export function updateSourceMeta(
  wb: Workbench, id: string, patch: Partial<SourceMeta>, reliability?: Reliability,
): ServiceResult<Source, 'not_found'> {
  return wb.run('Edit source details', (s) => {
    const src = s.get('sources', id);
    if (!src) return fail('not_found', `No source with id ${id}.`);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<SourceMeta>;
    const v: Source = { ...src, meta: { ...src.meta, ...defined }, reliability: reliability ?? src.reliability, updatedAt: now() };
    return ok({ ops: [{ t: 'put', c: 'sources', v }], value: v });
  });
}

/** Deletes a source with its highlights, and unlinks them wherever they were used as evidence. */
export function deleteSource(wb: Workbench, id: string): ServiceResult<{ deletedHighlights: number }, 'not_found'> {
  return wb.run('Delete source', (s) => {
    const src = s.get('sources', id);
    if (!src) return fail('not_found', `No source with id ${id}.`);
    const hs = s.highlightsOf(id);
    const ops: Op[] = [...dependentsOfSource(s, id, new Set(hs.map((h) => h.id)))];
    for (const h of hs) ops.push({ t: 'del', c: 'highlights', id: h.id });
    ops.push({ t: 'del', c: 'sources', id });
    return ok({ ops, value: { deletedHighlights: hs.length } });
  });
}
