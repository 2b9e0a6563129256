/**
 * Starts the first screen's main read while the app is still starting (issue 14): without it the request waited
 * for workspace.info and a first render, one server round trip plus a render later than it could start.
 */
import type { ApiError } from '../../../shared/contract/define';
import type { Result } from '../../../shared/domain/result';
import type { QueryDef } from './queries';

type Reply = Promise<Result<unknown, ApiError>>;

/**
 * Early replies by query key, each used at most once and only during start-up: a reply taken later (after the
 * analyst moved on, or edited) could be older than the data, so it is dropped on the first navigation and after
 * `maxAgeMs`. A failed early reply is never shown: the load then fetches again, and an unused one is discarded.
 */
export class Prefetcher {
  private early = new Map<string, { reply: Reply; at: number }>();

  constructor(private readonly now: () => number = () => performance.now(), private readonly maxAgeMs = 10_000) {}

  start<T>(def: QueryDef<T>): void {
    const reply = def.fetch();
    // Nobody may ever await it: keep a rejection from surfacing as unhandled.
    reply.catch(() => undefined);
    this.early.set(def.key, { reply, at: this.now() });
  }

  /** A fetcher for `def` that answers from the early reply once, if there is a fresh one, else fetches. */
  fetcher<T>(def: QueryDef<T>): QueryDef<T>['fetch'] {
    return () => {
      const early = this.early.get(def.key);
      this.early.delete(def.key);
      if (!early || this.now() - early.at > this.maxAgeMs) return def.fetch();
      // An early failure is never used: in recovery mode the lists fail, and once a backup is restored (no reload)
      // the library must ask again rather than show that failure.
      return (early.reply as ReturnType<QueryDef<T>['fetch']>).then((r) => (r.ok ? r : def.fetch()), () => def.fetch());
    };
  }

  /** Forgets every early reply (the route changed: what they were for is no longer on screen). */
  clear(): void {
    this.early.clear();
  }
}
