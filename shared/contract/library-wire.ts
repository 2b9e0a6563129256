/**
 * sources.library on the wire: the library's list as one tuple per source, with publisher, language, kind and
 * authors as indexes into one shared string table, updatedAt left out when it equals createdAt, and a web capture's provenance
 * cut to what a list shows (method, capturedAt, finalUrl). The full record (headers, redirects, blobs) stays with
 * sources.open, which the source details and the reader header read. For the bench's 2,000 sources the reply is
 * about half of sources.list's. `expandLibrary` gives the renderer back plain LibrarySource objects.
 */
import type { CaptureMethod, SourceVersionLink } from '../domain/capture';
import type { Reliability, Source, SourceKind } from '../domain/types';
import type { SourceSummary } from './views';
import type { PdfDocumentRecord } from '../domain/pdf';
import { WireTable } from './wire-table';

/** What a list shows of a capture; the rest of the CaptureRecord is read through sources.open. */
export interface CaptureSummary {
  method: CaptureMethod;
  capturedAt: string;
  finalUrl: string;
}

/** What a list shows of a kept PDF: how many pages, and whether some were recognised by OCR. */
export interface PdfSummary {
  pageCount: number;
  ocr: boolean;
}

/** A library row: every field of a source except the full capture and PDF records, plus its highlight count. */
export type LibrarySource = Omit<SourceSummary, 'capture' | 'pdf'> & { capture?: CaptureSummary; pdf?: PdfSummary };

/** Fields that are absent on most sources: only present ones are sent. */
interface Rare {
  dismissedSuggestions?: string[];
  dismissedClaimSuggestions?: string[];
  capture?: CaptureSummary;
  versionOf?: SourceVersionLink;
  pdf?: PdfSummary;
}

/**
 * [id, kind, fileName, contentHash, textLength, title, author indexes, publisher index, publishedAt, url,
 * language index, reliability, createdAt, updatedAt (null: same as createdAt), highlightCount, rare fields (0: none)]
 */
export type SourceTuple = [
  string, number, string, string, number, string, number[], number, string, string,
  number, Reliability, string, string | null, number, 0 | Rare,
];

export interface LibraryWire {
  strings: string[];
  sources: SourceTuple[];
}

/**
 * Every field of Source, each marked as handled by compactLibrary: adding a field to Source fails to compile here
 * until the wire carries it (or decides not to), so a field cannot be dropped from the library unnoticed.
 */
const HANDLED: { [K in keyof Required<Source>]: 'tuple' | 'rare' } = {
  id: 'tuple', kind: 'tuple', fileName: 'tuple', contentHash: 'tuple', textLength: 'tuple', meta: 'tuple',
  reliability: 'tuple', createdAt: 'tuple', updatedAt: 'tuple',
  dismissedSuggestions: 'rare', dismissedClaimSuggestions: 'rare', capture: 'rare', versionOf: 'rare', pdf: 'rare',
};
export const LIBRARY_SOURCE_FIELDS = Object.keys(HANDLED) as (keyof Source)[];

// Timestamps stay ISO strings: as epoch milliseconds they save ~26 KB for 2,000 sources, but turning them back
// into strings (Date#toISOString) cost the renderer ~9 ms of the library's first paint in a profile.

export function captureSummary(c: { method: CaptureMethod; capturedAt: string; finalUrl: string }): CaptureSummary {
  return { method: c.method, capturedAt: c.capturedAt, finalUrl: c.finalUrl };
}

export function pdfSummary(p: PdfDocumentRecord): PdfSummary {
  return { pageCount: p.pageCount, ocr: p.ocr !== undefined };
}

/** The list (full records or library rows) in its wire form. */
export function compactLibrary(list: readonly (SourceSummary | LibrarySource)[]): LibraryWire {
  const table = new WireTable();
  const of = (v: string): number => table.of(v);
  const sources = list.map((s): SourceTuple => {
    const rare: Rare = {};
    if (s.dismissedSuggestions !== undefined) rare.dismissedSuggestions = s.dismissedSuggestions;
    if (s.dismissedClaimSuggestions !== undefined) rare.dismissedClaimSuggestions = s.dismissedClaimSuggestions;
    if (s.capture !== undefined) rare.capture = captureSummary(s.capture);
    if (s.versionOf !== undefined) rare.versionOf = s.versionOf;
    if (s.pdf !== undefined) rare.pdf = 'pages' in s.pdf ? pdfSummary(s.pdf) : s.pdf;
    const m = s.meta;
    return [
      s.id, of(s.kind), s.fileName, s.contentHash, s.textLength, m.title, m.authors.map(of), of(m.publisher), m.publishedAt,
      m.url, of(m.language), s.reliability, s.createdAt, s.updatedAt === s.createdAt ? null : s.updatedAt,
      s.highlightCount, Object.keys(rare).length === 0 ? 0 : rare,
    ];
  });
  return { strings: table.values, sources };
}

export function expandLibrary(wire: LibraryWire): LibrarySource[] {
  const str = (i: number): string => {
    const v = wire.strings[i];
    if (v === undefined) throw new Error(`library wire: no string ${i}`);
    return v;
  };
  return wire.sources.map(([id, kind, fileName, contentHash, textLength, title, authors, publisher, publishedAt, url,
    language, reliability, createdAt, updatedAt, highlightCount, rare]): LibrarySource => {
    return {
      id, kind: str(kind) as SourceKind, fileName, contentHash, textLength,
      meta: { title, authors: authors.map(str), publisher: str(publisher), publishedAt, url, language: str(language) },
      reliability,
      ...(rare === 0 ? {} : rare),
      createdAt,
      updatedAt: updatedAt ?? createdAt,
      highlightCount,
    };
  });
}
