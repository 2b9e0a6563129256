/** Source import entry points: validate cheaply first, then extract text and metadata per file type. */
import type { SourceKind, SourceMeta } from '../../../shared/domain/types';
import { err, ok, type Result } from '../../../shared/domain/result';
import {
  DEFAULT_MAX_BYTES, MAX_LINE_CHARS, emptyMeta, rejection,
  type ImportOptions, type ImportRejection, type ImportedDocument,
} from './types';
import { binaryReason, decodeUtf8, hasUtf16Bom, isBlankBytes, pdfHeaderAt } from './checks';
import { longestLineExceeds, normaliseText, plainTextParagraphs, tidyParagraphs } from './normalise';
import { guessTitle } from './titleGuess';
import { guessLanguage } from './language';
import { importMarkdown } from './markdown';
import { htmlLimitBreach, htmlTooLarge } from './htmlLimits';
import { defaultWorkerScript, parseInWorker } from './importInWorker';
import type { PdfImport } from './pdf';
import { completePdf } from './pdfPages';

export type ImportResult = Result<ImportedDocument, ImportRejection>;

/**
 * The parse step (what the worker runs): a finished document, or a PDF's pages still to be joined, after any scanned
 * pages are recognised on the calling side (text recognition has its own worker and time limits, see pdfPages.ts).
 */
export type Parsed = { doc: ImportedDocument } | { pdf: PdfImport };
export type ParseResult = Result<Parsed, ImportRejection>;

const KIND_BY_EXTENSION: Record<string, SourceKind> = {
  txt: 'text', text: 'text', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html', pdf: 'pdf',
};
const DEFAULT_PDF_OPEN_TIMEOUT_MS = 5_000;

/** The kind a file name announces (case-insensitive extension), or null when unsupported. */
export function kindFromFileName(fileName: string): SourceKind | null {
  const baseName = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = baseName.lastIndexOf('.');
  return dot === -1 ? null : (KIND_BY_EXTENSION[baseName.slice(dot + 1).toLowerCase()] ?? null);
}

const formatSize = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

const lineTooLong = (fileName: string): ImportRejection =>
  rejection('line_too_long', fileName, `a single line is longer than ${MAX_LINE_CHARS.toLocaleString('en')} characters`);

/** Final shaping shared by every kind: the snapshot must contain text and no absurdly long line. */
function finish(kind: SourceKind, fileName: string, text: string, meta: SourceMeta): ImportResult {
  if (text.trim() === '') return err(rejection('no_text', fileName, 'no readable text was found'));
  if (longestLineExceeds(text, MAX_LINE_CHARS)) return err(lineTooLong(fileName));
  const title = normaliseText(meta.title).replace(/\s+/g, ' ').trim();
  return ok({
    kind,
    text,
    meta: {
      ...meta,
      title: title === '' ? guessTitle(text) : title,
      authors: meta.authors.map((a) => a.replace(/\s+/g, ' ').trim()).filter(Boolean),
      language: meta.language === '' ? guessLanguage(text) : meta.language,
    },
  });
}

/** Checks and decodes a text-like file (txt, md, html); the error is already a rejection. */
function decodeTextFile(fileName: string, bytes: Uint8Array, kind: SourceKind): Result<string, ImportRejection> {
  if (hasUtf16Bom(bytes)) {
    return err(rejection('invalid_utf8', fileName, 'not valid UTF-8 (it looks like UTF-16 text; save it as UTF-8)'));
  }
  const notText = binaryReason(bytes);
  if (notText) return err(rejection('binary', fileName, notText));
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const hex = decoded.byte.toString(16).toUpperCase().padStart(2, '0');
    return err(rejection('invalid_utf8', fileName, `not valid UTF-8 (byte 0x${hex} at offset ${decoded.offset})`));
  }
  if (decoded.text.trim() === '') return err(rejection('empty', fileName, 'the file contains only whitespace'));
  const tooLarge = kind === 'html' ? htmlTooLarge(decoded.text) : null;
  if (tooLarge) return err(rejection(tooLarge.reason, fileName, tooLarge.detail));
  // HTML is judged on its extracted text: minified pages are legitimately one huge line.
  if (kind !== 'html' && longestLineExceeds(decoded.text, MAX_LINE_CHARS)) return err(lineTooLong(fileName));
  return ok(normaliseText(decoded.text));
}

/** The cheap checks every import gets on the calling thread: size, emptiness, a supported kind, a PDF header. */
function precheck(fileName: string, bytes: Uint8Array, opts: ImportOptions): Result<SourceKind, ImportRejection> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) {
    return err(rejection('too_large', fileName, `the file is too large (${formatSize(bytes.byteLength)}; the limit is ${formatSize(maxBytes)})`));
  }
  if (bytes.byteLength === 0) return err(rejection('empty', fileName, 'the file is empty'));
  if (isBlankBytes(bytes)) return err(rejection('empty', fileName, 'the file contains only whitespace'));
  const kind = kindFromFileName(fileName);
  if (kind === null) {
    return err(rejection('unsupported_type', fileName,
      'unsupported file type (supported: .txt, .text, .md, .markdown, .html, .htm, .pdf)'));
  }
  if (kind === 'pdf' && pdfHeaderAt(bytes) === -1) return err(rejection('malformed_pdf', fileName, 'not a valid PDF (no %PDF- header)'));
  return ok(kind);
}

/** A parser blowing its stack or string/array sizes on hostile markup refuses the file instead of failing. */
function tooComplex(fileName: string, what: string, e: unknown): Result<never, ImportRejection> {
  if (e instanceof RangeError) return err(rejection('too_complex', fileName, `${what} is too complex to import (${e.message})`));
  throw e;
}

const asParsed = (result: ImportResult): ParseResult => (result.ok ? ok({ doc: result.value }) : result);

async function parseKind(kind: SourceKind, fileName: string, bytes: Uint8Array, opts: ImportOptions): Promise<ParseResult> {
  if (kind === 'pdf') {
    const { importPdf } = await import('./pdf');
    let pdf: Awaited<ReturnType<typeof importPdf>>;
    try {
      pdf = await importPdf(bytes, opts.pdfOpenTimeoutMs ?? DEFAULT_PDF_OPEN_TIMEOUT_MS);
    } catch (e) {
      return tooComplex(fileName, 'the PDF', e);
    }
    if (!pdf.ok) return err(rejection(pdf.error.reason, fileName, pdf.error.detail));
    return ok({ pdf: pdf.value });
  }
  return asParsed(await parseText(kind, fileName, bytes));
}

async function parseText(kind: SourceKind, fileName: string, bytes: Uint8Array): Promise<ImportResult> {
  const decoded = decodeTextFile(fileName, bytes, kind);
  if (!decoded.ok) return decoded;
  const text = decoded.value;

  if (kind === 'html') {
    // Before jsdom builds anything: its cost (and the recursion of Readability, DOMPurify and the text walk) follows
    // the page's depth and element count.
    const breach = htmlLimitBreach(text);
    if (breach) return err(rejection(breach.reason, fileName, breach.detail));
    const { importHtml } = await import('./html');
    let html: ReturnType<typeof importHtml>;
    try {
      html = importHtml(text);
    } catch (e) {
      return tooComplex(fileName, 'the page', e);
    }
    return finish('html', fileName, tidyParagraphs(normaliseText(html.text)), html.meta);
  }
  if (kind === 'markdown') {
    const markdown = importMarkdown(text);
    return finish('markdown', fileName, markdown.text.replace(/^\s*\n|\s+$/g, ''), markdown.meta);
  }
  const plain = plainTextParagraphs(text);
  return finish('text', fileName, plain, { ...emptyMeta(), title: guessTitle(plain) });
}

/** After the parse: a PDF's scanned pages recognised, its pages joined and kept with its original bytes. */
async function complete(fileName: string, parsed: ParseResult, original: Uint8Array | null, opts: ImportOptions): Promise<ImportResult> {
  if (!parsed.ok) return parsed;
  if ('doc' in parsed.value) return ok(parsed.value.doc);
  const { pages, meta } = parsed.value.pdf;
  const ocr = opts.ocr ?? (await import('./ocr')).recognisePdfPages;
  const joined = await completePdf(fileName, pages, original ?? new Uint8Array(0), ocr);
  if (!joined.ok) return joined;
  const done = finish('pdf', fileName, joined.value.text, meta);
  return done.ok ? ok({ ...done.value, pdf: joined.value.pdf }) : done;
}

/** The precheck and parse on the calling thread: what the import worker runs. */
export async function parseInProcess(fileName: string, bytes: Uint8Array, opts: ImportOptions = {}): Promise<ParseResult> {
  const kind = precheck(fileName, bytes, opts);
  return kind.ok ? parseKind(kind.value, fileName, bytes, opts) : kind;
}

/**
 * Imports a file's bytes as a source snapshot, or says in plain words why it cannot. HTML and PDF are parsed in a
 * worker with memory and time limits (see importInWorker), which takes ownership of `bytes`: when they fill their own
 * buffer it is transferred, leaving the caller's view detached, so callers must not reuse them.
 */
export async function importBytes(fileName: string, bytes: Uint8Array, opts: ImportOptions = {}): Promise<ImportResult> {
  const kind = precheck(fileName, bytes, opts);
  if (!kind.ok) return kind;
  // A PDF's original is kept (stored beside its text); the parse may take ownership of `bytes`, so keep a copy.
  const original = kind.value === 'pdf' ? new Uint8Array(bytes) : null;
  if ((kind.value === 'html' || kind.value === 'pdf') && opts.worker !== 'in-process') {
    const script = opts.worker?.script ?? defaultWorkerScript();
    if (script !== null) return complete(fileName, await parseInWorker(kind.value, fileName, bytes, opts, { ...opts.worker, script }), original, opts);
  }
  return complete(fileName, await parseKind(kind.value, fileName, bytes, opts), original, opts);
}

/** The whole import on the calling thread (the path from source, e.g. tests). */
export async function importBytesInProcess(fileName: string, bytes: Uint8Array, opts: ImportOptions = {}): Promise<ImportResult> {
  return importBytes(fileName, bytes, { ...opts, worker: 'in-process' });
}

/** Imports pasted text (kind 'text'); an explicit title wins over the guessed one. */
export async function importPastedText(text: string, title?: string, opts: ImportOptions = {}): Promise<ImportResult> {
  // UTF-8 never takes fewer bytes than UTF-16 code units, so an over-long string is refused unencoded.
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (text.length > maxBytes) {
    return err(rejection('too_large', '', `the text is too large (over ${formatSize(text.length)}; the limit is ${formatSize(maxBytes)})`));
  }
  const result = await importBytes('pasted.txt', new TextEncoder().encode(text), opts);
  if (!result.ok) {
    const detail = result.error.message
      .slice(result.error.message.indexOf(': ') + 2)
      .replace('the file is binary, not text', 'the text contains binary control characters')
      .replace(/the file/g, 'the text');
    return err(rejection(result.error.reason, '', detail));
  }
  const explicit = (title ?? '').replace(/\s+/g, ' ').trim();
  return explicit === '' ? result : ok({ ...result.value, meta: { ...result.value.meta, title: normaliseText(explicit) } });
}
