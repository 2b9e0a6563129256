/** The search screen's part of the hash (#/search?q=…&kinds=…&tag=…&entity=…&source=…&from=…&to=…): parse, format, and the request it makes. */
import { SEARCH_KINDS, type SearchKind } from '../../../shared/search/types';
import type { Api } from '../../../shared/contract/api';
import type { RequestOf } from '../../../shared/contract/define';

export interface SearchFilters {
  /** Empty = every kind. */
  kinds: SearchKind[];
  tagId: string | null;
  entityId: string | null;
  sourceId: string | null;
  /** YYYY[-MM[-DD]] or ''. */
  dateFrom: string;
  dateTo: string;
}

export const NO_FILTERS: SearchFilters = { kinds: [], tagId: null, entityId: null, sourceId: null, dateFrom: '', dateTo: '' };

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const isKind = (k: string): k is SearchKind => (SEARCH_KINDS as readonly string[]).includes(k);

export function parseSearchParams(params: URLSearchParams): { q: string; filters: SearchFilters } {
  const kinds = (params.get('kinds') ?? '').split(',').filter(isKind);
  const date = (name: string) => {
    const v = params.get(name) ?? '';
    return PARTIAL_DATE.test(v) ? v : '';
  };
  return {
    q: params.get('q') ?? '',
    filters: {
      kinds: [...new Set(kinds)],
      tagId: params.get('tag') || null,
      entityId: params.get('entity') || null,
      sourceId: params.get('source') || null,
      dateFrom: date('from'),
      dateTo: date('to'),
    },
  };
}

/** Only what is set, in a fixed order, so one search has one URL. */
export function formatSearchParams(q: string, f: SearchFilters): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (f.kinds.length > 0) params.set('kinds', f.kinds.join(','));
  if (f.tagId) params.set('tag', f.tagId);
  if (f.entityId) params.set('entity', f.entityId);
  if (f.sourceId) params.set('source', f.sourceId);
  if (f.dateFrom) params.set('from', f.dateFrom);
  if (f.dateTo) params.set('to', f.dateTo);
  return params.toString();
}

export const isPartialDate = (v: string) => v === '' || PARTIAL_DATE.test(v);

/** The contract's own request type for search.query (declared once, in shared/contract/api-search.ts). */
export type SearchQueryRequest = RequestOf<Api['search.query']>;

/** The search.query request for a query and filters; unset filters are left out. */
export function searchRequestOf(q: string, f: SearchFilters, limit: number): SearchQueryRequest {
  return {
    q: q.trim(),
    limit,
    ...(f.kinds.length > 0 ? { kinds: f.kinds } : {}),
    ...(f.tagId ? { tagIds: [f.tagId] } : {}),
    ...(f.entityId ? { entityIds: [f.entityId] } : {}),
    ...(f.sourceId ? { sourceIds: [f.sourceId] } : {}),
    ...(f.dateFrom && PARTIAL_DATE.test(f.dateFrom) ? { dateFrom: f.dateFrom } : {}),
    ...(f.dateTo && PARTIAL_DATE.test(f.dateTo) ? { dateTo: f.dateTo } : {}),
  };
}
