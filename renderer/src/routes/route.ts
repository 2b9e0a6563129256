/** Hash routes of the workbench (#/library, #/reader/<id>?h=<highlightId>&s=<start>&e=<end>, #/tags/<tagId>, analysis screens, #/ach/<matrixId>, #/cooccurrence, #/timeline, #/maintenance): parse and format. */

import { formatSearchParams, parseSearchParams, type SearchFilters } from './searchRoute';

/** A text range to reveal in the reader (a mention that is not a highlight). */
export interface ReaderRange {
  start: number;
  end: number;
}

export type Route =
  | { name: 'library' }
  | { name: 'reader'; sourceId: string; highlightId: string | null; range?: ReaderRange }
  | { name: 'tags'; tagId: string | null }
  | { name: 'entities' }
  | { name: 'entity'; entityId: string }
  | { name: 'claims'; claimId: string | null }
  | { name: 'graph' }
  | { name: 'ach'; matrixId: string | null }
  | { name: 'cooccurrence' }
  | { name: 'timeline' }
  | { name: 'dossiers' }
  | { name: 'dossier'; dossierId: string }
  | { name: 'search'; q: string; filters: SearchFilters }
  | { name: 'team' }
  | { name: 'maintenance' };

export type RouteName = Route['name'];

const decode = (part: string | undefined): string | null => {
  if (!part) return null;
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
};

/** `?s=<start>&e=<end>`: whole non-negative offsets with end after start, or nothing. */
function parseRange(params: URLSearchParams): ReaderRange | undefined {
  const s = params.get('s');
  const e = params.get('e');
  if (s === null || e === null || !/^\d+$/.test(s) || !/^\d+$/.test(e)) return undefined;
  const start = Number(s);
  const end = Number(e);
  return end > start ? { start, end } : undefined;
}

/** Unknown or malformed hashes fall back to the library, so a stale bookmark never shows a blank page. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  const [head, second] = path.split('/');
  const params = new URLSearchParams(query);
  switch (head) {
    case 'reader': {
      const sourceId = decode(second);
      if (!sourceId) return { name: 'library' };
      const range = parseRange(params);
      return { name: 'reader', sourceId, highlightId: params.get('h') || null, ...(range ? { range } : {}) };
    }
    case 'tags':
      return { name: 'tags', tagId: decode(second) };
    case 'entities':
      return { name: 'entities' };
    case 'entity': {
      const entityId = decode(second);
      return entityId ? { name: 'entity', entityId } : { name: 'entities' };
    }
    case 'claims':
      return { name: 'claims', claimId: decode(second) };
    case 'graph':
      return { name: 'graph' };
    case 'ach':
      return { name: 'ach', matrixId: decode(second) };
    case 'cooccurrence':
      return { name: 'cooccurrence' };
    case 'timeline':
      return { name: 'timeline' };
    case 'dossiers':
      return { name: 'dossiers' };
    case 'dossier': {
      const dossierId = decode(second);
      return dossierId ? { name: 'dossier', dossierId } : { name: 'dossiers' };
    }
    case 'search':
      return { name: 'search', ...parseSearchParams(params) };
    case 'team':
      return { name: 'team' };
    case 'maintenance':
      return { name: 'maintenance' };
    default:
      return { name: 'library' };
  }
}

export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'library':
      return '#/library';
    case 'reader': {
      const base = `#/reader/${encodeURIComponent(route.sourceId)}`;
      const query = [
        ...(route.highlightId ? [`h=${encodeURIComponent(route.highlightId)}`] : []),
        ...(route.range ? [`s=${route.range.start}`, `e=${route.range.end}`] : []),
      ];
      return query.length > 0 ? `${base}?${query.join('&')}` : base;
    }
    case 'tags':
      return route.tagId ? `#/tags/${encodeURIComponent(route.tagId)}` : '#/tags';
    case 'entities':
      return '#/entities';
    case 'entity':
      return `#/entity/${encodeURIComponent(route.entityId)}`;
    case 'claims':
      return route.claimId ? `#/claims/${encodeURIComponent(route.claimId)}` : '#/claims';
    case 'graph':
      return '#/graph';
    case 'ach':
      return route.matrixId ? `#/ach/${encodeURIComponent(route.matrixId)}` : '#/ach';
    case 'cooccurrence':
      return '#/cooccurrence';
    case 'timeline':
      return '#/timeline';
    case 'dossiers':
      return '#/dossiers';
    case 'dossier':
      return `#/dossier/${encodeURIComponent(route.dossierId)}`;
    case 'search': {
      const query = formatSearchParams(route.q, route.filters);
      return query ? `#/search?${query}` : '#/search';
    }
    case 'team':
      return '#/team';
    case 'maintenance':
      return '#/maintenance';
  }
}
