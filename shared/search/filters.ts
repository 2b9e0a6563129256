/** Search filters (kind, tag, entity, source, date) as one predicate over indexed documents. */
import type { DocView, SearchOptions } from './types';

export type DocFilter = (doc: DocView) => boolean;

/** Looks up the source of a highlight, so claims can be filtered by the sources of their evidence. */
export type HighlightSourceLookup = (highlightId: string) => string | undefined;

const anyIn = (values: readonly string[], wanted: ReadonlySet<string>): boolean => values.some((v) => wanted.has(v));
const asSet = (values: readonly string[] | undefined): ReadonlySet<string> | null =>
  values && values.length > 0 ? new Set(values) : null;

/**
 * All given filters must hold; inside one filter any listed value is enough.
 * Returns null when nothing filters, so the caller can skip the check.
 */
export function buildFilter(opts: SearchOptions, highlightSource: HighlightSourceLookup): DocFilter | null {
  const kinds = asSet(opts.kinds);
  const tags = asSet(opts.tagIds);
  const entities = asSet(opts.entityIds);
  const sources = asSet(opts.sourceIds);
  const from = opts.dateFrom?.trim() || '';
  const to = opts.dateTo?.trim() || '';
  if (!kinds && !tags && !entities && !sources && !from && !to) return null;

  return (doc) => {
    if (kinds && !kinds.has(doc.kind)) return false;
    if (tags && !anyIn(doc.tagIds, tags)) return false;
    if (entities && !anyIn(doc.entityIds, entities)) return false;
    if (sources && !inSources(doc, sources, highlightSource)) return false;
    if ((from || to) && !dateInRange(doc.date, from, to)) return false;
    return true;
  };
}

function inSources(doc: DocView, sources: ReadonlySet<string>, highlightSource: HighlightSourceLookup): boolean {
  if (doc.sourceId !== undefined) return sources.has(doc.sourceId);
  return (doc.evidenceHighlightIds ?? []).some((id) => {
    const sourceId = highlightSource(id);
    return sourceId !== undefined && sources.has(sourceId);
  });
}

/**
 * Partial dates are intervals: "2022" overlaps "2022-10-01".."2022-10-31", and dateTo "2022-10"
 * includes 2022-10-31. Comparing ISO strings with a high sentinel gives exactly that.
 */
function dateInRange(date: string, from: string, to: string): boolean {
  if (!date) return false;
  if (from && `${date}\uffff` < from) return false;
  if (to && date > `${to}\uffff`) return false;
  return true;
}
