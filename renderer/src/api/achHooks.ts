/** Reads for ACH matrices and the co-occurrence table: cache keys, fetchers and hooks (reloaded whenever a screen shows them). */
import { useEffect } from 'react';
import type { Api } from '../../../shared/contract/api';
import type { RequestOf } from '../../../shared/contract/define';
import type { AchMatrixSummary, AchMatrixView } from '../../../shared/contract/views-ach';
import type { CooccurrenceView } from '../../../shared/contract/views-cooccurrence';
import { client, queryCache } from './client';
import { useQuery } from './hooks';
import type { QueryDef } from './queries';

export type CooccurrenceQuery = RequestOf<Api['analysis.cooccurrence']>;

export const achQueries = {
  list: (): QueryDef<AchMatrixSummary[]> => ({ key: 'ach:list', fetch: () => client['ach.list']({}) }),
  get: (id: string): QueryDef<AchMatrixView> => ({ key: `ach:matrix:${id}`, fetch: () => client['ach.get']({ id }) }),
  cooccurrence: (q: CooccurrenceQuery): QueryDef<CooccurrenceView> => ({
    key: `cooccurrence:${q.unit}:${q.rows}:${q.columns}:${(q.sourceIds ?? []).join(',')}`,
    fetch: () => client['analysis.cooccurrence'](q),
  }),
};

export const isAchKey = (k: string) => k.startsWith('ach:');

/**
 * A matrix shows grades, labels and passages of claims and highlights edited on other screens, and those edits do not
 * refresh these keys: so a screen reloads them whenever it appears (as the dossier screens do).
 */
function useReloadOnShow(key: string | null): void {
  useEffect(() => {
    if (key) void queryCache.invalidate((k) => k === key);
  }, [key]);
}

export function useAchMatrices() {
  useReloadOnShow('ach:list');
  return useQuery(achQueries.list());
}

export function useAchMatrix(id: string | null) {
  useReloadOnShow(id ? `ach:matrix:${id}` : null);
  return useQuery(id ? achQueries.get(id) : null);
}

export function useCooccurrence(q: CooccurrenceQuery) {
  const def = achQueries.cooccurrence(q);
  useReloadOnShow(def.key);
  return useQuery(def);
}
