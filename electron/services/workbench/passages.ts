/** PassageRef builders: every statement shown in the app is traced back to an exact passage of an exact source. */
import type { WorkspaceState } from '../../../shared/domain/state';
import type { Highlight, Source } from '../../../shared/domain/types';
import type { PassageRef } from '../../../shared/contract/views-analysis';
import { describeRange } from '../../../shared/anchoring';
import { formatPages, pagesOfHighlight } from '../../../shared/dossier/pages';

export function highlightPassage(s: WorkspaceState, h: Highlight): PassageRef {
  const source = s.get('sources', h.sourceId);
  // Pages only where the source has a page map or the highlight is an area: other passages stay as they were.
  const pages = pagesOfHighlight(source, h);
  return {
    ...(pages ? { page: formatPages(pages) } : {}),
    ...(h.area ? { area: { page: h.area.page } } : {}),
    sourceId: h.sourceId,
    sourceTitle: source?.meta.title ?? '(deleted source)',
    highlightId: h.id,
    start: h.position.start,
    end: h.position.end,
    exact: h.quote.exact,
    prefix: h.quote.prefix,
    suffix: h.quote.suffix,
  };
}

/** Passages of the given highlights, in the given order, skipping ids that no longer exist and repeats. */
export function highlightPassages(s: WorkspaceState, ids: Iterable<string>): PassageRef[] {
  const out: PassageRef[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const h = s.get('highlights', id);
    if (h) out.push(highlightPassage(s, h));
  }
  return out;
}

/** A passage found in a source's text rather than highlighted (highlightId null). */
export function textPassage(source: Source, text: string, start: number, end: number): PassageRef {
  const { quote, position } = describeRange(text, start, end);
  return {
    sourceId: source.id, sourceTitle: source.meta.title, highlightId: null,
    start: position.start, end: position.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix,
  };
}

/** Distinct source ids of some passages, in first-seen order. */
export const sourceIdsOf = (passages: readonly PassageRef[]): string[] => [...new Set(passages.map((p) => p.sourceId))];
