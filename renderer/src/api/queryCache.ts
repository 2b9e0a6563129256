/** A small query cache: keyed results, shared by all subscribers, refetched on invalidation (no React here). */
import type { ApiError } from '../../../shared/contract/define';
import type { Result } from '../../../shared/domain/result';

export type Fetcher<T = unknown> = () => Promise<Result<T, ApiError>>;

export interface QuerySnapshot<T = unknown> {
  /** Last good value; kept while a refetch runs so screens do not flash. */
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
}

const EMPTY: QuerySnapshot = { data: undefined, error: null, loading: false };

interface Entry {
  snapshot: QuerySnapshot;
  fetcher: Fetcher;
  /** Only the newest request may write its answer; older ones finished too late. */
  latestRequest: number;
  inFlight: Promise<void> | null;
  fresh: boolean;
}

export class QueryCache {
  private entries = new Map<string, Entry>();
  private listeners = new Map<string, Set<() => void>>();
  private requestCounter = 0;

  constructor(private readonly onError: (key: string, error: ApiError) => void = () => {}) {}

  peek<T>(key: string): QuerySnapshot<T> {
    return (this.entries.get(key)?.snapshot ?? EMPTY) as QuerySnapshot<T>;
  }

  subscribe(key: string, listener: () => void): () => void {
    const set = this.listeners.get(key) ?? new Set();
    set.add(listener);
    this.listeners.set(key, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(key);
    };
  }

  /** Loads `key` unless a fresh answer or a request for it already exists. */
  ensure(key: string, fetcher: Fetcher): Promise<void> {
    const entry = this.entries.get(key);
    if (entry) {
      entry.fetcher = fetcher;
      if (entry.inFlight) return entry.inFlight;
      if (entry.fresh) return Promise.resolve();
    }
    return this.load(key, fetcher);
  }

  /** Refetches matching keys someone is watching; forgets the rest so they reload when next shown. */
  async invalidate(match: (key: string) => boolean = () => true): Promise<void> {
    const reloads: Promise<void>[] = [];
    for (const [key, entry] of this.entries) {
      if (!match(key)) continue;
      if (this.listeners.has(key)) reloads.push(this.load(key, entry.fetcher));
      else this.entries.delete(key);
    }
    await Promise.all(reloads);
  }

  /** The loaded answers of matching keys (skipping keys whose load is under way: their answer is about to change). */
  loaded<T>(match: (key: string) => boolean): [string, T][] {
    const out: [string, T][] = [];
    for (const [key, entry] of this.entries) {
      if (match(key) && !entry.inFlight && entry.snapshot.data !== undefined) out.push([key, entry.snapshot.data as T]);
    }
    return out;
  }

  /**
   * Replaces a loaded answer in place from an edit's reply, so nothing is fetched again. Returns false (and changes
   * nothing) when there is no answer to patch, a load is under way (it may answer from before the edit), or
   * `update` returns null: the caller then invalidates the key instead.
   */
  patch<T>(key: string, update: (data: T) => T | null): boolean {
    const entry = this.entries.get(key);
    if (!entry || entry.inFlight || entry.snapshot.data === undefined) return false;
    const next = update(entry.snapshot.data as T);
    if (next === null) return false;
    if (next !== entry.snapshot.data) {
      entry.snapshot = { ...entry.snapshot, data: next };
      this.emit(key);
    }
    return true;
  }

  private load(key: string, fetcher: Fetcher): Promise<void> {
    const request = ++this.requestCounter;
    const previous = this.entries.get(key)?.snapshot ?? EMPTY;
    const entry: Entry = {
      snapshot: { ...previous, loading: true },
      fetcher,
      latestRequest: request,
      inFlight: null,
      fresh: false,
    };
    this.entries.set(key, entry);
    this.emit(key);
    entry.inFlight = fetcher().then(
      (result) => this.settle(key, request, result),
      (cause: unknown) => this.settle(key, request, {
        ok: false,
        error: { code: 'internal', message: cause instanceof Error ? cause.message : String(cause) },
      }),
    );
    return entry.inFlight;
  }

  private settle(key: string, request: number, result: Result<unknown, ApiError>): void {
    const entry = this.entries.get(key);
    if (!entry || entry.latestRequest !== request) return;
    entry.inFlight = null;
    entry.fresh = true;
    entry.snapshot = result.ok
      ? { data: result.value, error: null, loading: false }
      : { data: entry.snapshot.data, error: result.error, loading: false };
    if (!result.ok) this.onError(key, result.error);
    this.emit(key);
  }

  private emit(key: string): void {
    for (const listener of this.listeners.get(key) ?? []) listener();
  }
}
