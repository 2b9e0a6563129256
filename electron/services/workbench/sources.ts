/** Sources: import (deduplicated by content hash), metadata edits, deletion, and the reader view. */
import { ok } from '../../../shared/domain/result';
import type { Op } from '../../../shared/domain/ops';
import type { WorkspaceState } from '../../../shared/domain/state';
import type { Source, SourceKind, SourceMeta, Reliability } from '../../../shared/domain/types';
import type { ImportOutcome, ReaderView, SourceSummary } from '../../../shared/contract/views';
import { compactReader, type ReaderWire } from '../../../shared/contract/reader-wire';
import { compactLibrary, type LibraryWire } from '../../../shared/contract/library-wire';
import { anchorAll } from '../../../shared/anchoring';
import { importBytes, importPastedText, type ImportOptions, type ImportedDocument, type ImportRejection } from '../import';
import type { Result } from '../../../shared/domain/result';
import { fail, newId, now, type ServiceResult, type Workbench } from './workbench';
import { dependentsOfSource } from './dependents';
import { RevisionCache } from './revision-cache';
import { findUpgradeTarget, upgradePdfSource } from './pdf-upgrade';
import type { PdfDocumentRecord } from '../../../shared/domain/pdf';
import type { ImportedPdf } from '../import/types';

export function listSources(wb: Workbench): SourceSummary[] {
  return wb.state.all('sources').map((s) => ({ ...s, highlightCount: wb.state.highlightCount(s.id) }));
}

/** The last sources.library reply (see listLibraryWire). */
const libraryReplies = new RevisionCache<LibraryWire>();

/**
 * sources.library's reply (compact, see library-wire), built once per revision of the workspace (revision-cache.ts):
 * a new page then gets the library without walking every source again. Shared between callers: do not change it.
 */
export function listLibraryWire(wb: Workbench): LibraryWire {
  return libraryReplies.get(wb.state, 'library', () => compactLibrary(listSources(wb)));
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
      // An area highlight quotes no text: it sits at its page (its range collapsed where the page's text starts).
      const page = h.area ? source.pdf?.pages[h.area.page - 1] : undefined;
      if (page) return { highlight: h, status: 'exact' as const, range: { start: page.start, end: page.start } };
      const a = anchored[i]!;
      return { highlight: h, status: a.status, range: a.status === 'orphan' ? null : { start: a.start, end: a.end } };
    }),
  });
}

/** sources.open replies by source id; a reply holds its text (up to tens of MB): keep the few sources an analyst goes back and forth between. */
const readerReplies = new RevisionCache<ReaderWire>(4);

/**
 * sources.open's reply, compact (see reader-wire), anchored and built once per source and revision of the workspace
 * (revision-cache.ts): reopening the source (a new page, a reload) skips re-anchoring its highlights. The reply is
 * shared between callers: read it, do not change it.
 */
export function openSourceWire(wb: Workbench, id: string): ServiceResult<ReaderWire, 'not_found'> {
  const hit = readerReplies.lookup(wb.state, id);
  if (hit) return ok(hit);
  const view = openSource(wb, id);
  return view.ok ? ok(readerReplies.store(wb.state, id, compactReader(view.value))) : view;
}

/** Adds an imported document unless identical text is already a source (then reports the existing one). */
/** `quiet`: durable and journaled, but not an undoable step (the first-run sample is not the user's action). */
function addImported(
  wb: Workbench, doc: Result<ImportedDocument, ImportRejection>, fileName: string, opts: { quiet?: boolean } = {},
): ServiceResult<ImportOutcome, 'import_rejected'> {
  if (!doc.ok) return fail('import_rejected', doc.error.message, { reason: doc.error.reason, fileName: doc.error.fileName });
  return addDocument(wb, doc.value, fileName, opts);
}

export interface AddDocumentOptions {
  quiet?: boolean;
  /**
   * Runs once the text is saved and known to be new, before the commit: saves the files the source will refer to
   * (a capture's raw bytes and printed copy) and returns the fields that refer to them. Throwing stops the import
   * with nothing committed (what it saved is at most unreferenced, like a text).
   */
  attach?: (textHash: string) => Partial<Pick<Source, 'capture' | 'versionOf' | 'reliability' | 'pdf'>>;
  /**
   * A new version of a re-captured page is a new source even when its text equals an older version's (A → B → A):
   * skip the content-hash dedupe.
   */
  keepDuplicate?: boolean;
  /** More ops for the same transaction, planned against the state it commits on (e.g. a re-capture's carried highlights). */
  moreOps?: (source: Source, state: WorkspaceState) => Op[];
  /** The undo label; default “Import “title””. */
  label?: string;
  /**
   * The name a PDF is matched by when it may upgrade an older text-only source (pdf-upgrade.ts) and `fileName` is ''
   * (a capture: the name the import saw, from its URL); default `fileName`.
   */
  upgradeName?: string;
}

/** Stores a PDF's original in captures/ (content-addressed, durable) and returns the source's page record. */
function storePdf(wb: Workbench, pdf: ImportedPdf): PdfDocumentRecord {
  const original = wb.store.captures.put(pdf.original, 'application/pdf');
  return { original, pageCount: pdf.pageCount, pages: pdf.pages.map((p) => ({ ...p })), ...(pdf.ocr ? { ocr: { ...pdf.ocr } } : {}) };
}

/**
 * Saves a document's text, then adds it as one source in one transaction, unless identical text is already a source.
 * A PDF keeps its original (stored before the journal entry) and its page map; re-importing a PDF that is already a
 * text-only source (same text, or same file read differently: pdf-upgrade.ts) gives that source its pages instead.
 */
export function addDocument(
  wb: Workbench, doc: ImportedDocument, fileName: string, opts: AddDocumentOptions = {},
): ServiceResult<ImportOutcome, never> {
  const { text, kind, meta } = doc;
  // The text file is content-addressed and immutable; writing it before the journal entry means a crash
  // can leave at most an unreferenced text file, never a source without its text.
  let hash: string;
  try {
    hash = wb.store.texts.put(text);
  } catch (e) {
    return fail('storage_failed', `Could not save the text of ${fileName || 'the pasted text'}: ${(e as Error).message}`);
  }
  // A file import or a capture by URL upgrades; a new version of a re-captured page is never merged into another source.
  const mayUpgrade = !opts.keepDuplicate && !opts.moreOps;
  const existing = opts.keepDuplicate ? undefined : wb.state.all('sources').find((s) => s.contentHash === hash);
  const textOnlyPdf = existing?.kind === 'pdf' && !existing.pdf;
  const target = doc.pdf && mayUpgrade && (!existing || textOnlyPdf)
    ? findUpgradeTarget(wb, text, hash, opts.upgradeName ?? fileName) : null;
  if (target && doc.pdf) {
    let record: PdfDocumentRecord;
    let capture: Source['capture'];
    try {
      record = storePdf(wb, doc.pdf);
      // Only the capture record is taken from what the caller attaches: the analyst's grading etc. stay as they are.
      capture = opts.attach?.(hash).capture;
    } catch (e) {
      return fail('storage_failed', `Could not save the PDF ${fileName || opts.upgradeName || meta.title}: ${(e as Error).message}`);
    }
    return upgradePdfSource(wb, target.id, text, hash, record, { quiet: opts.quiet, ...(capture ? { capture } : {}) });
  }
  if (existing) return ok({ source: existing, duplicate: true });
  let extra: Partial<Source> = {};
  try {
    // The page record joins whatever the caller attaches (a captured PDF: its capture record, same blob as its raw bytes).
    const pdf = doc.pdf ? storePdf(wb, doc.pdf) : undefined;
    extra = { ...(pdf ? { pdf } : {}), ...(opts.attach?.(hash) ?? {}) };
  } catch (e) {
    return fail('storage_failed', `Could not save the files of “${meta.title}”: ${(e as Error).message}`);
  }
  const t = now();
  const source: Source = {
    id: newId(), kind: kind as SourceKind, fileName, contentHash: hash, textLength: text.length,
    meta: { ...meta, authors: [...meta.authors] }, reliability: 'F', ...extra, createdAt: t, updatedAt: t,
  };
  return wb.run(opts.label ?? `Import “${source.meta.title}”`, (state) => ok({
    ops: [{ t: 'put', c: 'sources', v: source }, ...(opts.moreOps?.(source, state) ?? [])], value: { source, duplicate: false },
  }), opts);
}

/** `import`: options of the import itself (tests stand in for text recognition with `import.ocr`). */
export async function importFile(
  wb: Workbench, fileName: string, bytes: Uint8Array, opts: { quiet?: boolean; import?: ImportOptions } = {},
) {
  return addImported(wb, await importBytes(fileName, bytes, opts.import), fileName, { quiet: opts.quiet });
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
