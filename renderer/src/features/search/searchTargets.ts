/** Where a search hit opens: the exact passage, the highlight, the claim, the entity page or the dossier. */
import type { SearchHit, SearchKind } from '../../../../shared/search/types';
import type { Route } from '../../routes/route';

export function routeForHit(hit: SearchHit): Route {
  switch (hit.kind) {
    case 'source': {
      const sourceId = hit.sourceId ?? hit.id;
      const range = hit.start !== undefined && hit.end !== undefined && hit.end > hit.start ? { start: hit.start, end: hit.end } : undefined;
      return { name: 'reader', sourceId, highlightId: null, ...(range ? { range } : {}) };
    }
    case 'highlight':
      return hit.sourceId ? { name: 'reader', sourceId: hit.sourceId, highlightId: hit.id } : { name: 'library' };
    case 'claim':
      return { name: 'claims', claimId: hit.id };
    case 'entity':
      return { name: 'entity', entityId: hit.id };
    case 'dossier':
      return { name: 'dossier', dossierId: hit.id };
  }
}

export const KIND_LABEL: Record<SearchKind, string> = {
  source: 'Passages', highlight: 'Highlights', claim: 'Claims', entity: 'Entities', dossier: 'Dossiers',
};

export const KIND_SINGULAR: Record<SearchKind, string> = {
  source: 'Passage', highlight: 'Highlight', claim: 'Claim', entity: 'Entity', dossier: 'Dossier',
};

/** Hits grouped by kind, groups in the order of their best hit (hits come ranked), each group keeping the ranking. */
export function groupHits(hits: readonly SearchHit[], perGroup = Infinity): Array<{ kind: SearchKind; hits: SearchHit[] }> {
  const groups = new Map<SearchKind, SearchHit[]>();
  for (const hit of hits) {
    const group = groups.get(hit.kind) ?? [];
    if (group.length < perGroup) group.push(hit);
    groups.set(hit.kind, group);
  }
  return [...groups].map(([kind, grouped]) => ({ kind, hits: grouped }));
}
