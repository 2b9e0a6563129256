/** Strict shape checks of stored records, history and journal changes: a file that passes cannot crash the services. */
import {
  BLOCK_KINDS, CLAIM_TYPES, COLLECTION_NAMES, CREDIBILITY, ENTITY_TYPES, HIGHLIGHT_COLORS, RELIABILITY, SOURCE_KINDS,
  type Claim, type CollectionName, type Dossier, type DossierBlock, type DossierSection, type Entity, type Highlight,
  type Layout, type Relationship, type Source, type SourceMeta, type Tag, type TextPositionSelector,
  type TextQuoteSelector, type WorkspaceCollections, type AchEvidence, type AchHypothesis, type AchMatrix,
} from '../../../shared/domain/types';
import { ACH_RATINGS } from '../../../shared/domain/analysis/ach';
import type { Tx } from '../../../shared/domain/ops';
import {
  CAPTURE_METHODS, CHARSET_SOURCES, type BlobRef, type CaptureRecord, type PageMetadata, type RedirectHop,
  type SourceVersionLink,
} from '../../../shared/domain/capture';
import type {
  PdfArea, PdfDocumentRecord, PdfOcrRecord, PdfPageInfo, PdfPlacement, PdfRect,
} from '../../../shared/domain/pdf';
import {
  arrayOf, bool, finite, hash, int, isObj, literal, nullable, nullableStr, object, oneOf, optional, recordOf, str, strs,
  type Check, type ShapeOf,
} from './shape-checks';

// Each table is a ShapeOf<domain type>: a field missing here, or checked as the wrong type, fails tsc.
const stamps = { createdAt: str, updatedAt: str };

const BLOB_FIELDS: ShapeOf<BlobRef> = { sha256: hash, bytes: int, mediaType: str };

const CAPTURE_FIELDS: ShapeOf<CaptureRecord> = {
  method: oneOf(CAPTURE_METHODS), requestedUrl: str, finalUrl: str,
  redirects: arrayOf(object<RedirectHop>({ url: str, status: int, location: str })),
  status: int, headers: recordOf(str), capturedAt: str, contentType: str, charset: str,
  charsetSource: oneOf(CHARSET_SOURCES), raw: object(BLOB_FIELDS), textSha256: hash,
  rendered: nullable(object(BLOB_FIELDS)), renderError: optional(str),
  page: object<PageMetadata>({
    title: str, authors: strs, publisher: str, publishedAt: str, modifiedAt: str, language: str, canonicalUrl: str, found: strs,
  }),
  userAgent: str,
};

const RECT_FIELDS: ShapeOf<PdfRect> = { x: finite, y: finite, w: finite, h: finite };
const PDF_FIELDS: ShapeOf<PdfDocumentRecord> = {
  original: object(BLOB_FIELDS), pageCount: int,
  pages: arrayOf(object<PdfPageInfo>({ start: int, end: int, width: finite, height: finite, rotation: int, ocr: optional(bool),
    words: optional(arrayOf(finite)) })),
  ocr: optional(object<PdfOcrRecord>({ engine: str, languages: strs, meanConfidence: finite })),
};

export const SOURCE_FIELDS: ShapeOf<Source> = {
  id: str, kind: oneOf(SOURCE_KINDS), fileName: str, contentHash: hash, textLength: int,
  meta: object<SourceMeta>({ title: str, authors: strs, publisher: str, publishedAt: str, url: str, language: str }),
  reliability: oneOf(RELIABILITY), dismissedSuggestions: optional(strs), dismissedClaimSuggestions: optional(strs),
  // Both absent on sources imported from files or pasted, and in workspaces written before web capture existed.
  capture: optional(object(CAPTURE_FIELDS)),
  versionOf: optional(object<SourceVersionLink>({ rootId: str, previousId: nullableStr, version: int })),
  // Absent on non-PDF sources and on PDFs imported as text only (before pages were kept).
  pdf: optional(object(PDF_FIELDS)),
  ...stamps,
};

export const HIGHLIGHT_FIELDS: ShapeOf<Highlight> = {
  id: str, sourceId: str, color: oneOf(HIGHLIGHT_COLORS),
  quote: object<TextQuoteSelector>({ type: literal('TextQuoteSelector'), exact: str, prefix: str, suffix: str }),
  position: object<TextPositionSelector>({ type: literal('TextPositionSelector'), start: int, end: int }),
  tagIds: strs, note: str, entityIds: strs,
  pdf: optional(object<PdfPlacement>({ page: int, rects: arrayOf(object(RECT_FIELDS)) })),
  area: optional(object<PdfArea>({ page: int, rect: object(RECT_FIELDS), image: nullable(object(BLOB_FIELDS)) })),
  ...stamps,
};

const BLOCK_FIELDS: ShapeOf<DossierBlock> = { id: str, kind: oneOf(BLOCK_KINDS), text: str, refId: nullableStr };
const SECTION_FIELDS: ShapeOf<DossierSection> = { id: str, title: str, blocks: arrayOf(object(BLOCK_FIELDS)) };

/** Every field the domain types have is checked; extra fields are allowed and kept (a newer minor version may add optional ones). */
const RECORD_CHECKS: { [C in CollectionName]: Check<WorkspaceCollections[C]> } = {
  sources: object(SOURCE_FIELDS),
  highlights: object(HIGHLIGHT_FIELDS),
  tags: object<Tag>({ id: str, name: str, color: str, parentId: nullableStr, createdAt: str }),
  entities: object<Entity>({ id: str, type: oneOf(ENTITY_TYPES), name: str, aliases: strs, description: str, ...stamps }),
  claims: object<Claim>({
    id: str, claimantId: nullableStr, statement: str, type: oneOf(CLAIM_TYPES), claimedAt: str,
    credibility: oneOf(CREDIBILITY), evidenceHighlightIds: strs, aboutEntityIds: strs, supports: strs,
    contradicts: strs, tagIds: strs, ...stamps,
  }),
  relationships: object<Relationship>({
    id: str, fromId: str, toId: str, type: str, startDate: str, endDate: str, confidence: finite, note: str,
    evidenceHighlightIds: strs, evidenceClaimIds: strs, ...stamps,
  }),
  dossiers: object<Dossier>({
    id: str, title: str, subjectIds: strs, author: str, sections: arrayOf(object(SECTION_FIELDS)),
    newPagePerSection: optional(bool), // absent in workspaces written before the option existed
    ...stamps,
  }),
  layouts: object<Layout>({ id: str, positions: recordOf(object<Layout['positions'][string]>({ x: finite, y: finite })), updatedAt: str }),
  matrices: object<AchMatrix>({
    id: str, title: str, question: str,
    hypotheses: arrayOf(object<AchHypothesis>({ id: str, label: str, note: str })),
    evidence: arrayOf(object<AchEvidence>({
      id: str, kind: oneOf(['claim', 'highlight'] as const), refId: str, ratings: recordOf(oneOf(ACH_RATINGS)), note: str,
    })),
    ...stamps,
  }),
};

export function checkRecord(c: CollectionName, v: unknown): string | null {
  return RECORD_CHECKS[c](v);
}

const isCollection = (c: unknown): c is CollectionName => COLLECTION_NAMES.includes(c as CollectionName);

/** The collections object of a snapshot: every record well-formed and stored under its own id, no id twice. */
export function checkCollections(v: unknown): string | null {
  if (!isObj(v)) return 'collections: expected an object';
  for (const c of COLLECTION_NAMES) {
    const records = v[c];
    if (records === undefined) continue;
    if (!isObj(records)) return `collections.${c}: expected an object`;
    const ids = new Set<string>();
    const check: (v: unknown) => string | null = RECORD_CHECKS[c];
    for (const key in records) {
      const r = records[key];
      const p = check(r);
      if (p) return `collections.${c}["${key.slice(0, 80)}"].${p}`;
      const id = (r as { id: string }).id;
      // A record under another key is harmless unless two records claim one id: one would be lost.
      if (ids.has(id)) return `collections.${c}: two records have the id "${id.slice(0, 80)}"`;
      ids.add(id);
    }
  }
  return null;
}

function checkOp(v: unknown): string | null {
  if (!isObj(v)) return 'expected an op object';
  if (!isCollection(v.c)) return 'unknown collection';
  if (v.t === 'del') return typeof v.id === 'string' ? null : 'id: expected a string';
  if (v.t === 'put') return checkRecord(v.c, v.v);
  return 'expected t "put" or "del"';
}

// checkOp proves an Op (a put's record by its collection's table); the Tx table itself is complete.
const checkOps = arrayOf(checkOp as Check<Tx['ops'][number]>);
const checkTx = object<Tx>({ label: str, ops: checkOps, inverse: checkOps });
const checkTxs = arrayOf(checkTx);

export function checkHistory(v: unknown): string | null {
  if (!isObj(v)) return 'history: expected an object';
  const undo = checkTxs(v.undo);
  if (undo) return `history.undo${undo}`;
  const redo = checkTxs(v.redo);
  return redo ? `history.redo${redo}` : null;
}

/** A journal entry's change: a transaction (optionally quiet), an undo or a redo. */
export function checkChange(v: unknown): string | null {
  if (!isObj(v)) return 'change: expected an object';
  if (v.kind === 'undo' || v.kind === 'redo') return null;
  if (v.kind !== 'tx') return 'change.kind: expected tx, undo or redo';
  if (v.quiet !== undefined && typeof v.quiet !== 'boolean') return 'change.quiet: expected a boolean';
  const p = checkTx(v.tx);
  return p ? `change.tx.${p}` : null;
}
