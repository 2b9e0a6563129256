/** Search as you type: debounced search.query (newest answer wins) and the index build status, polled until ready. */
import { useEffect, useState } from 'react';
import type { Api } from '../../../shared/contract/api';
import type { RequestOf } from '../../../shared/contract/define';
import type { SearchHit } from '../../../shared/search/types';
import { client } from './client';

export type SearchRequest = RequestOf<Api['search.query']>;

export interface SearchState {
  hits: SearchHit[];
  /** False while the index is still being built (results may be partial). */
  complete: boolean;
  loading: boolean;
  error: string | null;
  /** The request these hits answer (null before the first answer). */
  answered: SearchRequest | null;
}

const IDLE: SearchState = { hits: [], complete: true, loading: false, error: null, answered: null };

/** null (or a blank q) clears the results; the request is compared by value, so a fresh object each render is fine. */
export function useSearch(request: SearchRequest | null, debounceMs = 180): SearchState {
  const [state, setState] = useState<SearchState>(IDLE);
  const key = request && request.q.trim() ? JSON.stringify(request) : null;
  useEffect(() => {
    if (!key) {
      setState(IDLE);
      return;
    }
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    const timer = window.setTimeout(async () => {
      const req = JSON.parse(key) as SearchRequest;
      const reply = await client['search.query'](req);
      if (cancelled) return;
      setState(reply.ok
        ? { hits: reply.value.hits, complete: reply.value.complete, loading: false, error: null, answered: req }
        : { hits: [], complete: true, loading: false, error: reply.error.message, answered: req });
    }, debounceMs);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [key, debounceMs]);
  return state;
}

export interface SearchIndexStatus {
  ready: boolean;
  progress: number;
}

const STATUS_POLL_MS = 1000;

/** Polls search.status while the index builds; stops once it is ready (it then follows every change itself). */
export function useSearchIndexStatus(enabled = true): SearchIndexStatus {
  const [status, setStatus] = useState<SearchIndexStatus>({ ready: true, progress: 1 });
  useEffect(() => {
    if (!enabled) return;
    let timer = 0;
    let stopped = false;
    const poll = async () => {
      const reply = await client['search.status']({});
      if (stopped) return;
      if (reply.ok) setStatus({ ready: reply.value.ready, progress: reply.value.progress });
      if (reply.ok && !reply.value.ready) timer = window.setTimeout(poll, STATUS_POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [enabled]);
  return status;
}
