/** Bounds on what HTML import will hand to jsdom, checked by a linear scan before any DOM is built. */
import { scanHtmlShape } from './htmlScan';

export interface HtmlLimits {
  /** Longest decoded page, in UTF-16 code units. */
  maxChars: number;
  /** Deepest element nesting. */
  maxDepth: number;
  /** Most elements. */
  maxElements: number;
}

/**
 * Measured on this machine (2 cores) with ordinary article pages (one <p> per ~180 characters), before any limit:
 * 1 MB took 9 s / 260 MB RSS, 5 MB 16 s / 630 MB, 10 MB 17 s / 960 MB, 20 MB 33 s / 2.1 GB, 45 MB 118 s / 3.8 GB. jsdom holds a few KB per node and DOMPurify builds a second DOM, so memory follows
 * size and element count. 5 MB of HTML keeps an import in the tens of seconds and well under 1 GB, and is far above
 * real articles (typically 50 KB–2 MB, Wikipedia's longest pages about 3 MB).
 * 100,000 elements is several times a long Wikipedia article (~30,000) and about what fits the worker's heap.
 * Depth 1,000: real pages nest under ~60; Readability, DOMPurify and the text walk recurse per level.
 */
const HTML_LIMITS: HtmlLimits = { maxChars: 5 * 1024 * 1024, maxDepth: 1_000, maxElements: 100_000 };

export interface HtmlLimitBreach {
  reason: 'too_large' | 'too_deep' | 'too_complex';
  detail: string;
}

const n = (x: number): string => x.toLocaleString('en');
const mb = (chars: number): string => `${(chars / (1024 * 1024)).toFixed(1)} MB`;

/** Why the page is refused before parsing, or null when it is within every limit. */
export function htmlLimitBreach(html: string, limits: HtmlLimits = HTML_LIMITS): HtmlLimitBreach | null {
  const large = htmlTooLarge(html, limits);
  if (large) return large;
  const shape = scanHtmlShape(html, limits);
  if (shape.depth > limits.maxDepth) {
    return { reason: 'too_deep', detail: `the page nests elements more than ${n(limits.maxDepth)} deep (the limit is ${n(limits.maxDepth)})` };
  }
  if (shape.elements > limits.maxElements) {
    return { reason: 'too_complex', detail: `the page has more than ${n(limits.maxElements)} elements (the limit is ${n(limits.maxElements)})` };
  }
  return null;
}

/** The size check alone, run on the decoded page before it is normalised (cheap for a 45 MB file). */
export function htmlTooLarge(html: string, limits: HtmlLimits = HTML_LIMITS): HtmlLimitBreach | null {
  return html.length > limits.maxChars
    ? { reason: 'too_large', detail: `the page is too large to import as HTML (${mb(html.length)} of HTML; the limit is ${mb(limits.maxChars)})` }
    : null;
}
