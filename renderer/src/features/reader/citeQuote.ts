/** "Copy with citation": the quote and where it comes from, in the dossier endnotes' words (title, authors, publisher, date, URL, place). */
import type { Source } from '../../../../shared/domain/types';
import { citationParts } from '../../../../shared/dossier/citations';
import { formatLocation, openingWords, paragraphAt } from '../../../../shared/dossier/location';
import { pagesOfText } from '../../../../shared/dossier/pages';

/** Plain text for any editor: the quote on its own line, then the source as a dossier endnote names it. */
export function citeQuote(source: Source, text: string, range: { start: number; end: number }): string {
  const exact = text.slice(range.start, range.end);
  const paragraph = paragraphAt(text, range.start);
  // In a paged PDF the citation names its page(s) first, as the dossier endnotes do: "p. 12, ¶ 2, characters …".
  const pages = pagesOfText(source, range.start, range.end);
  const p = citationParts({
    n: 1, highlightId: '', sourceId: source.id, source, paragraph, start: range.start, end: range.end, exact, pages, area: null,
    location: formatLocation(paragraph, range.start, range.end, pages), opening: openingWords(exact),
  });
  const where = [p.title, ...p.details].join(', ');
  return `“${exact.trim()}”\n— ${where}.${p.url ? ` ${p.url}` : ''} (${p.location})`;
}
