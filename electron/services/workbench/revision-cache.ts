/**
 * Replies built once per revision of the workspace (graph.get, sources.open, sources.library): any applied op (an
 * edit, undo/redo, an import) drops every entry, so a cached reply is never older than the last acknowledged change.
 * Entries are shared between callers: read them, do not change them.
 */
import type { WorkspaceState } from '../../../shared/domain/state';

export class RevisionCache<V> {
  private readonly byState = new WeakMap<object, Map<string, V>>();

  /** `maxEntries`: how many keys to keep per revision, least recently read dropped first. */
  constructor(private readonly maxEntries = Number.POSITIVE_INFINITY) {}

  /** The entry for `key` built at this revision, or undefined. */
  lookup(state: object, key: string): V | undefined {
    const entries = this.byState.get(state);
    const hit = entries?.get(key);
    if (entries && hit !== undefined) {
      entries.delete(key);
      entries.set(key, hit);
    }
    return hit;
  }

  /**
   * Keeps `value` until the next applied op. A state without a change feed (the two-phase open's library view,
   * store/library-summary.ts, which answers only until the full load) is never cached for: nothing could drop it.
   */
  store(state: object, key: string, value: V): V {
    const feed = (state as Partial<WorkspaceState>).onOps;
    if (typeof feed !== 'function') return value;
    let entries = this.byState.get(state);
    if (!entries) {
      const fresh = new Map<string, V>();
      entries = fresh;
      this.byState.set(state, fresh);
      feed.call(state, () => fresh.clear());
    }
    entries.set(key, value);
    if (entries.size > this.maxEntries) entries.delete(entries.keys().next().value!);
    return value;
  }

  /** The entry for `key`, built by `build` when there is none at this revision. */
  get(state: object, key: string, build: () => V): V {
    return this.lookup(state, key) ?? this.store(state, key, build());
  }
}
