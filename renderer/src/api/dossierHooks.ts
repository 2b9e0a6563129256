/** Reads for dossiers and the records a dossier cites (every highlight, every relationship): cache keys, fetchers, hooks. */
import { useEffect } from 'react';
import type { Highlight } from '../../../shared/domain/types';
import type { DossierSummary, DossierWithHtml } from '../../../shared/contract/views-dossiers';
import type { RelationshipView } from '../../../shared/contract/views-analysis';
import { client, queryCache } from './client';
import { useQuery } from './hooks';
import type { QueryDef } from './queries';

export const dossierQueries = {
  list: (): QueryDef<DossierSummary[]> => ({ key: 'dossiers', fetch: () => client['dossiers.list']({}) }),
  get: (id: string): QueryDef<DossierWithHtml> => ({ key: `dossier:${id}`, fetch: () => client['dossiers.get']({ id }) }),
  /** "highlights:" so every highlight edit refreshes it (see keys.highlights). */
  allHighlights: (): QueryDef<Highlight[]> => ({ key: 'highlights:all', fetch: () => client['highlights.list']({}) }),
  /** "relationship:" so every analysis edit refreshes it (see isAnalysisKey); record ids never equal "list". */
  allRelationships: (): QueryDef<RelationshipView[]> => ({ key: 'relationship:list', fetch: () => client['relationships.list']({}) }),
};

export const isDossierKey = (k: string) => k === 'dossiers' || k.startsWith('dossier:');

/**
 * A dossier's rendering depends on every record it cites, and edits elsewhere do not refresh dossier keys:
 * so a screen showing dossiers reloads them whenever it appears.
 */
function useReloadOnShow(key: string | null): void {
  useEffect(() => {
    if (key) void queryCache.invalidate((k) => k === key);
  }, [key]);
}

export function useDossiers() {
  useReloadOnShow('dossiers');
  return useQuery(dossierQueries.list());
}

export function useDossier(id: string | null) {
  useReloadOnShow(id ? `dossier:${id}` : null);
  return useQuery(id ? dossierQueries.get(id) : null);
}

export const useAllHighlights = () => useQuery(dossierQueries.allHighlights());
export const useAllRelationships = () => useQuery(dossierQueries.allRelationships());
