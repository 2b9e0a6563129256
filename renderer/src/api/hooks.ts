/** React hooks over the query cache: screens read data only through these. */
import { useEffect, useSyncExternalStore } from 'react';
import type { QuerySnapshot } from './queryCache';
import { queryCache } from './client';
import { queries, type QueryDef } from './queries';
import { prefetcher } from './startupPrefetch';

const IDLE: QuerySnapshot = { data: undefined, error: null, loading: false };

/** Subscribes to a query (null = nothing to load yet) and loads it when first shown. */
export function useQuery<T>(def: QueryDef<T> | null): QuerySnapshot<T> {
  const key = def?.key ?? null;
  const snapshot = useSyncExternalStore(
    (onChange) => (key ? queryCache.subscribe(key, onChange) : () => {}),
    () => (key ? queryCache.peek<T>(key) : (IDLE as QuerySnapshot<T>)),
  );
  useEffect(() => {
    // The first screen's read may already be under way (started at launch, see startupPrefetch.ts).
    if (def) void queryCache.ensure(def.key, prefetcher.fetcher(def));
    // The key identifies the query; a new fetcher closure for the same key is equivalent.
  }, [key]);
  return snapshot;
}

export const useWorkspaceInfo = () => useQuery(queries.workspace());
export const useSources = () => useQuery(queries.sources());
export const useReader = (sourceId: string | null) => useQuery(sourceId ? queries.reader(sourceId) : null);
export const useTags = () => useQuery(queries.tags());
export const useHighlightsByTag = (tagId: string | null) => useQuery(tagId ? queries.highlightsByTag(tagId) : null);
export const useHistory = () => useQuery(queries.history());
