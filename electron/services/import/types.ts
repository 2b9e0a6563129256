/** Shapes of the import service: what an import yields, and every way it can be refused. */
import type { SourceKind, SourceMeta } from '../../../shared/domain/types';
import type { PdfOcrRecord, PdfPageInfo } from '../../../shared/domain/pdf';
import type { recognisePdfPages } from './ocr';

export interface ImportedDocument {
  kind: SourceKind;
  /** Normalised snapshot: no BOM, LF line endings, NFC; paragraphs separated by a blank line. */
  text: string;
  meta: SourceMeta;
  /** A PDF's pages and its original bytes (stored in captures/ when the source is added). */
  pdf?: ImportedPdf;
}

/** What becomes Source.pdf once `original` is stored (see PdfDocumentRecord). */
export interface ImportedPdf {
  original: Uint8Array;
  pageCount: number;
  pages: PdfPageInfo[];
  ocr?: PdfOcrRecord;
}

/** Recognises the text of scanned pages (ocr/index.ts); an option so tests can stand in for tesseract. */
export type PdfOcr = typeof recognisePdfPages;

export const REJECTION_REASONS = [
  'empty', 'too_large', 'binary', 'invalid_utf8', 'unsupported_type', 'no_text',
  'malformed_pdf', 'pdf_javascript', 'line_too_long',
  // A page (or PDF) too deep, too big or too costly to parse, or whose parsing ran past its time limit.
  'too_deep', 'too_complex', 'timed_out',
  // A PDF with scanned pages (no text layer) whose text could not be recognised.
  'scanned_pdf',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface ImportRejection {
  reason: RejectionReason;
  /** The file name as given, or '' for pasted text. */
  fileName: string;
  /** Plain-words explanation that names the file, e.g. "notes.txt: not valid UTF-8 (…)". */
  message: string;
}

export interface ImportOptions {
  /** Largest accepted input in bytes; default 50 MiB. */
  maxBytes?: number;
  /** How long pdf.js may take to open a PDF before it is judged malformed; default 5 s. */
  pdfOpenTimeoutMs?: number;
  /**
   * Where HTML and PDF parsing runs: by default a worker thread with heap and time limits (in-process when running
   * from source, e.g. under vitest, where no built worker exists); tests inject a built script or tighter limits.
   */
  worker?: 'in-process' | WorkerChoice;
  /** Text recognition for scanned PDF pages; default the tesseract.js engine (ocr/index.ts). Runs outside the parse worker. */
  ocr?: PdfOcr;
}

export interface WorkerChoice {
  /** The built worker script (import-worker.js); default: next to the running bundle. */
  script?: string | URL;
  /** Wall-clock limit for one parse; default 60 s. */
  timeoutMs?: number;
  /** The worker's old-generation heap limit; default 1,024 MB. */
  maxHeapMb?: number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** Longest single line the reader and the anchoring code are asked to handle. */
export const MAX_LINE_CHARS = 1_000_000;

/** Builds a rejection whose message starts with the file name (or "Pasted text"). */
export function rejection(reason: RejectionReason, fileName: string, detail: string): ImportRejection {
  const label = fileName === '' ? 'Pasted text' : fileName;
  return { reason, fileName, message: `${label}: ${detail}` };
}

export const emptyMeta = (): SourceMeta => ({
  title: '', authors: [], publisher: '', publishedAt: '', url: '', language: '',
});
