/** PDF sources as pages: the kept original, where each page's text sits in the extracted text, and page placements of highlights (ADR 0015). */
import type { BlobRef } from './capture';

/**
 * A rectangle on a page as the page is displayed (its /Rotate applied), top-left origin, as fractions of the
 * displayed page width and height (0–1). Fractions make it independent of zoom; multiply by the page's size in
 * points (PdfPageInfo.width/height) for PDF units, e.g. the viewrect of a PDF fragment identifier (RFC 8118).
 */
export interface PdfRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One page of a kept PDF. */
export interface PdfPageInfo {
  /** Where the page's text starts in the source's normalised text (UTF-16 offset). */
  start: number;
  /** Where it ends (exclusive); equal to start for a page with no text. */
  end: number;
  /** Displayed size in PDF points (1/72 in), rotation applied. */
  width: number;
  height: number;
  /** The page's /Rotate (0, 90, 180, 270). */
  rotation: number;
  /** True when this page's text came from optical character recognition (a scanned page). */
  ocr?: boolean;
  /**
   * OCR'd pages only: the recognised words, six numbers each (shared/pdf/ocr-words.ts) — start and end offsets in
   * this page's text (relative to `start`), then the word's box x0, y0, x1, y1 in points on the displayed page,
   * top-left origin. The page view lays its text layer over the scan from these. Absent on older sources.
   */
  words?: number[];
}

/** Optical character recognition that produced some of a PDF's text. */
export interface PdfOcrRecord {
  /** e.g. "tesseract.js 7.0.0". */
  engine: string;
  /** Tesseract language codes used, e.g. ["eng", "tur"]. */
  languages: string[];
  /** Mean word confidence 0–100 over the recognised pages. */
  meanConfidence: number;
}

/** The original PDF of a pdf source (content-addressed in captures/, never changed) and its page map. */
export interface PdfDocumentRecord {
  original: BlobRef;
  pageCount: number;
  /** One entry per page, in order; pages[i] is page i + 1. */
  pages: PdfPageInfo[];
  ocr?: PdfOcrRecord;
}

/** Where a text highlight made (or shown) on a page sits: the 1-based page and its rectangles on that page. */
export interface PdfPlacement {
  page: number;
  rects: PdfRect[];
}

/** An area (rectangle) highlight: a figure or table kept as an image crop of its page. */
export interface PdfArea {
  page: number;
  rect: PdfRect;
  /** The crop as PNG in captures/, or null when it could not be made. */
  image: BlobRef | null;
}

/** The 1-based page holding `offset` (the page whose text range contains it; a gap belongs to the page before). */
export function pageOfOffset(pages: readonly PdfPageInfo[], offset: number): number | null {
  if (pages.length === 0) return null;
  let lo = 0;
  let hi = pages.length - 1;
  // The last page whose start is <= offset (binary search: a 1,000-page report has many notes to cite).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The page range a text range covers, e.g. [12, 13] for a passage running over a page break. */
export function pagesOfRange(pages: readonly PdfPageInfo[], start: number, end: number): [number, number] | null {
  const first = pageOfOffset(pages, start);
  const last = pageOfOffset(pages, Math.max(start, end - 1));
  return first === null || last === null ? null : [first, last];
}
