/** Numbers cited passages in order of first appearance; one note per highlight, however often it is quoted. */
import type { Source } from '../domain/types';
import type { Citation, CitedArea, DossierData, EvidenceQuote } from './model';
import { formatLocation, openingWords, paragraphBreaks, paragraphIn } from './location';
import { areaLabel, formatPages, pagesOfHighlight } from './pages';
import { captureNote } from './capture-line';

export class CitationRegistry {
  readonly citations: Citation[] = [];
  private readonly byHighlight = new Map<string, Citation>();
  private readonly texts = new Map<string, { text: string; breaks: number[] } | null>();

  constructor(private readonly data: DossierData) {}

  /** A source's text and paragraph breaks, read and indexed once per rendering. */
  private textOf(source: Source): { text: string; breaks: number[] } | null {
    if (!this.texts.has(source.id)) {
      const text = this.data.textOf(source);
      this.texts.set(source.id, text === null ? null : { text, breaks: paragraphBreaks(text) });
    }
    return this.texts.get(source.id) ?? null;
  }

  /** The note for a highlight (registered on first use); note null when the highlight no longer exists. */
  cite(highlightId: string): EvidenceQuote {
    const known = this.byHighlight.get(highlightId);
    if (known) return evidenceOf(known);
    const h = this.data.get('highlights', highlightId);
    if (!h) return { highlightId, note: null, exact: '' };
    const source = this.data.get('sources', h.sourceId) ?? null;
    const indexed = source ? this.textOf(source) : null;
    // The paragraph is only trustworthy when the stored range still holds the quote in this text.
    const rangeHolds = indexed !== null && indexed.text.slice(h.position.start, h.position.end) === h.quote.exact;
    const pages = pagesOfHighlight(source, h);
    const area: CitedArea | null = h.area ? { page: h.area.page, image: h.area.image ? this.data.areaImage?.(h) ?? null : null } : null;
    // An area has no text: its collapsed range and empty quote say nothing, so it is cited by its page alone.
    const paragraph = rangeHolds && !area ? paragraphIn(indexed.breaks, h.position.start) : null;
    const citation: Citation = {
      n: this.citations.length + 1,
      highlightId,
      sourceId: h.sourceId,
      source,
      paragraph,
      start: h.position.start,
      end: h.position.end,
      exact: h.quote.exact,
      pages,
      area,
      location: area ? formatPages([area.page, area.page]) : formatLocation(paragraph, h.position.start, h.position.end, pages),
      opening: area ? areaLabel(area) : openingWords(h.quote.exact),
    };
    this.citations.push(citation);
    this.byHighlight.set(highlightId, citation);
    return evidenceOf(citation);
  }
}

const evidenceOf = (c: Citation): EvidenceQuote =>
  (c.area ? { highlightId: c.highlightId, note: c.n, exact: c.exact, area: c.area } : { highlightId: c.highlightId, note: c.n, exact: c.exact });

/**
 * The note text in one line: title, authors, publisher, date, URL, location and opening words, and for a web capture
 * when, from where and which version the passage was captured (`capture`, '' otherwise).
 */
export function citationParts(c: Citation): { title: string; details: string[]; url: string; location: string; opening: string; capture: string } {
  if (!c.source) return { title: '[missing: source record deleted]', details: [], url: '', location: c.location, opening: c.opening, capture: '' };
  const m = c.source.meta;
  const details = [m.authors.filter(Boolean).join(', '), m.publisher, m.publishedAt].filter((s) => s.trim() !== '');
  return {
    title: m.title.trim() || c.source.fileName || 'Untitled source', details, url: m.url.trim(), location: c.location, opening: c.opening,
    capture: captureNote(c.source),
  };
}
