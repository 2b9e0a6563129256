/** Carries a version's highlights onto the next version's text by the anchoring rules; orphans are listed, not placed. */
import type { Highlight } from '../../../shared/domain/types';
import type { OrphanedHighlight } from '../../../shared/contract/views-capture';
import { anchorAll, describeRange, foldText } from '../../../shared/anchoring';
import { newId, now } from '../workbench/workbench';

export interface CarriedHighlights {
  /** New highlights on the new version (new ids; colour, tags, note and entities of the original). */
  highlights: Highlight[];
  orphans: OrphanedHighlight[];
}

/** The words a passage says, as the anchoring's tolerant phase compares them (whitespace, line endings, NFC/NFD). */
const words = (s: string): string => foldText(s).text.trim();

/**
 * Re-anchors `old` (the previous version's highlights) in `text` with anchorAll — exact position, else the best exact
 * occurrence of the quote by its context, else the folded quote; no fuzzy matching, so an edited passage is an orphan.
 * A placed range whose words are not the quote's is treated as an orphan too (a guard: never misplace evidence).
 */
export function carryHighlights(old: readonly Highlight[], text: string, sourceId: string): CarriedHighlights {
  const sorted = [...old].sort((a, b) => a.position.start - b.position.start || a.id.localeCompare(b.id));
  const anchored = anchorAll(text, sorted.map((h) => ({ quote: h.quote, position: h.position })));
  const highlights: Highlight[] = [];
  const orphans: OrphanedHighlight[] = [];
  const t = now();
  sorted.forEach((h, i) => {
    // An area of a page quotes no text and its crop shows the old version's page: listed, not carried.
    if (h.area) {
      orphans.push({ highlightId: h.id, exact: `[area of page ${h.area.page}]` });
      return;
    }
    const a = anchored[i]!;
    const described = a.status === 'orphan' ? null : describeRange(text, a.start, a.end);
    if (!described || words(described.quote.exact) !== words(h.quote.exact)) {
      orphans.push({ highlightId: h.id, exact: h.quote.exact });
      return;
    }
    highlights.push({
      id: newId(), sourceId, color: h.color, quote: described.quote, position: described.position,
      tagIds: [...h.tagIds], note: h.note, entityIds: [...h.entityIds], createdAt: t, updatedAt: t,
    });
  });
  return { highlights, orphans };
}
