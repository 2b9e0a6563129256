/** The PDF page fragment of a highlight (RFC 3778 / RFC 8118 `page=N&viewrect=l,t,w,h`) for W3C export, and its parsing on import. */
import type { PdfPageInfo, PdfRect } from '../domain/pdf';
import type { Highlight, Source } from '../domain/types';
import { pagesOfHighlight } from '../dossier/pages';
import { PDF_FRAGMENT_SPEC, type W3CFragmentSelector } from './w3cModel';

/** Points with at most two decimals: finer than any printer, and stable text across runs. */
const pt = (n: number): string => String(Math.round(n * 100) / 100);

/** The smallest rectangle holding every rect (fractions of the page). */
function union(rects: readonly PdfRect[]): PdfRect | null {
  if (rects.length === 0) return null;
  const x0 = Math.min(...rects.map((r) => r.x));
  const y0 = Math.min(...rects.map((r) => r.y));
  const x1 = Math.max(...rects.map((r) => r.x + r.w));
  const y1 = Math.max(...rects.map((r) => r.y + r.h));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/**
 * RFC 8118 viewrect: left, top, width, height in points from the top-left corner of the page as displayed — the
 * frame our rects are stored in (fractions of the displayed page, rotation applied), so fraction × page size.
 */
function viewrect(rect: PdfRect, page: PdfPageInfo): string {
  return [rect.x * page.width, rect.y * page.height, rect.w * page.width, rect.h * page.height].map(pt).join(',');
}

/**
 * The FragmentSelector of a highlight on a source with pages, or null for a source without a page map. An area
 * highlight names its page and rectangle; a text highlight its first page, and the union of its rectangles when it
 * was made on the page (a fragment names one page, so a passage over a page break is cited by the page it starts on).
 */
export function pdfFragmentSelector(h: Highlight, source: Source): W3CFragmentSelector | null {
  const pdf = source.pdf;
  if (!pdf || pdf.pages.length === 0) return null;
  const place = h.area ? { page: h.area.page, rect: h.area.rect as PdfRect | null }
    : h.pdf ? { page: h.pdf.page, rect: union(h.pdf.rects) }
    : { page: pagesOfHighlight(source, h)?.[0] ?? 0, rect: null };
  const info = pdf.pages[place.page - 1];
  if (!info) return null;
  const value = place.rect ? `page=${place.page}&viewrect=${viewrect(place.rect, info)}` : `page=${place.page}`;
  return { type: 'FragmentSelector', conformsTo: PDF_FRAGMENT_SPEC, value };
}

/** A parsed PDF fragment: the 1-based page and, when given, the viewrect in points. */
export interface PdfFragment {
  page: number;
  viewrect: [number, number, number, number] | null;
}

/** Reads `page=N[&viewrect=l,t,w,h]` (other keys ignored); null when there is no valid page. */
export function parsePdfFragment(value: string): PdfFragment | null {
  const params = new Map<string, string>();
  for (const part of value.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const page = Number(params.get('page'));
  if (!Number.isInteger(page) || page < 1) return null;
  const nums = (params.get('viewrect') ?? '').split(',').map(Number);
  const ok = nums.length === 4 && nums.every((n) => Number.isFinite(n));
  return { page, viewrect: ok ? (nums as [number, number, number, number]) : null };
}
