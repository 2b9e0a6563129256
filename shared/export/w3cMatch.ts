/** Attach parsed W3C annotations to workspace sources (forced source, URL / text hash, or quote search). */
import type { TextPositionSelector, TextQuoteSelector } from '../domain/types';
import { hashFromIri, normalizeHttpUrl } from './w3cModel';
import type { ParsedAnnotation } from './w3cImport';

export interface MatchableSource {
  id: string;
  url: string;
  contentHash: string;
  text: string;
}

export interface AnchorSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
}

/** Injected re-anchoring (shared/anchoring): finds the quote in the text, using the position as a hint. */
export type AnchorFn = (
  text: string,
  selectors: AnchorSelectors,
) => { status: 'exact' | 'moved' | 'orphan'; start: number; end: number };

export interface MatchResult {
  attached: Array<{ annotation: ParsedAnnotation; sourceId: string; start: number; end: number; status: 'exact' | 'moved' }>;
  orphans: Array<{ annotation: ParsedAnnotation; reason: string }>;
}

/** URL comparison key: canonical href without fragment and without a trailing slash. */
function urlKey(url: string): string | null {
  const href = normalizeHttpUrl(url);
  if (!href) return null;
  return href.replace(/#.*$/, '').replace(/(?<=[^/])\/$/, '');
}

const short = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

function selectorsOf(a: ParsedAnnotation): AnchorSelectors | null {
  if (!a.quote) return null;
  return {
    quote: { type: 'TextQuoteSelector', ...a.quote },
    position: a.position ? { type: 'TextPositionSelector', ...a.position } : null,
  };
}

/** The source an annotation's IRIs name, by text hash first (exact snapshot) then by URL. */
function sourceByIri(a: ParsedAnnotation, sources: MatchableSource[]): MatchableSource | null {
  for (const iri of a.sources) {
    const hash = hashFromIri(iri);
    const found = hash ? sources.find((s) => s.contentHash.toLowerCase() === hash) : undefined;
    if (found) return found;
  }
  for (const iri of a.sources) {
    const key = urlKey(iri);
    const found = key ? sources.find((s) => urlKey(s.url) === key) : undefined;
    if (found) return found;
  }
  return null;
}

type Attempt = { ok: true; start: number; end: number; status: 'exact' | 'moved' } | { ok: false; reason: string };

function anchorIn(a: ParsedAnnotation, source: MatchableSource, anchor: AnchorFn): Attempt {
  const selectors = selectorsOf(a);
  if (!selectors) {
    // Without a quote only an unchanged snapshot (same hash) makes bare offsets trustworthy.
    const sameText = a.sources.some((iri) => hashFromIri(iri) === source.contentHash.toLowerCase());
    if (a.position && sameText && a.position.end <= source.text.length && a.position.start < a.position.end) {
      return { ok: true, start: a.position.start, end: a.position.end, status: 'exact' };
    }
    return { ok: false, reason: `annotation has no TextQuoteSelector to anchor in source ${source.id}` };
  }
  const found = anchor(source.text, selectors);
  if (found.status === 'orphan') {
    return { ok: false, reason: `quote "${short(selectors.quote.exact)}" not found in source ${source.id}` };
  }
  return { ok: true, start: found.start, end: found.end, status: found.status };
}

/** Quote search over every source; an exact anchoring wins over a moved one. */
function searchAll(a: ParsedAnnotation, sources: MatchableSource[], anchor: AnchorFn): (Attempt & { sourceId?: string }) {
  const exact = a.quote?.exact;
  if (!exact) return { ok: false, reason: 'annotation has no TextQuoteSelector to search for' };
  let moved: (Attempt & { sourceId: string }) | null = null;
  // The substring test is a cheap filter so the injected anchorer only runs where it can succeed.
  for (const source of sources.filter((s) => s.text.includes(exact))) {
    const attempt = anchorIn(a, source, anchor);
    if (attempt.ok && attempt.status === 'exact') return { ...attempt, sourceId: source.id };
    if (attempt.ok && !moved) moved = { ...attempt, sourceId: source.id };
  }
  return moved ?? { ok: false, reason: `quote "${short(exact)}" not found in any of ${sources.length} sources` };
}

function describeIris(a: ParsedAnnotation): string {
  const url = a.sources.find((iri) => normalizeHttpUrl(iri));
  if (url) return `no source with URL ${url}`;
  const hash = a.sources.find((iri) => hashFromIri(iri));
  if (hash) return `no source with text hash ${hash}`;
  return a.sources.length > 0 ? `no source for ${a.sources[0]}` : 'annotation names no source';
}

/**
 * Attaches each annotation: to `opts.sourceId` when given; else to the source its URL or
 * urn:sha256 names; else to the first source containing its quote. Everything else is an orphan
 * with a reason a person can act on.
 */
export function matchAnnotationsToSource(
  parsed: ParsedAnnotation[],
  sources: MatchableSource[],
  opts: { sourceId?: string },
  anchor: AnchorFn,
): MatchResult {
  const result: MatchResult = { attached: [], orphans: [] };
  const forced = opts.sourceId ? sources.find((s) => s.id === opts.sourceId) : undefined;
  for (const annotation of parsed) {
    if (!annotation.quote && !annotation.position && annotation.pdfPage) {
      // An area of a page (figure, table) has no text to anchor, and its image is not in the file: say so, never guess.
      const p = annotation.pdfPage;
      result.orphans.push({ annotation, reason: `area of p. ${p.page}${p.viewrect ? ` (${p.viewrect.join(', ')} pt)` : ''} has no text to anchor: ` +
        'area highlights are not imported; draw it again in the page view' });
      continue;
    }
    if (opts.sourceId && !forced) {
      result.orphans.push({ annotation, reason: `no source with id ${opts.sourceId}` });
      continue;
    }
    const named = forced ?? sourceByIri(annotation, sources);
    if (named) {
      const attempt = anchorIn(annotation, named, anchor);
      if (attempt.ok) result.attached.push({ annotation, sourceId: named.id, start: attempt.start, end: attempt.end, status: attempt.status });
      else result.orphans.push({ annotation, reason: attempt.reason });
      continue;
    }
    const searched = searchAll(annotation, sources, anchor);
    if (searched.ok && searched.sourceId) {
      const { start, end, status, sourceId } = searched;
      result.attached.push({ annotation, sourceId, start, end, status });
    } else {
      const why = searched.ok ? '' : searched.reason;
      result.orphans.push({ annotation, reason: `${describeIris(annotation)}, and ${why}` });
    }
  }
  return result;
}
