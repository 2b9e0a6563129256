/**
 * Keeps this window's cached data in step with edits made elsewhere (another browser tab or window). Our own edits
 * patch the cache from their replies, and the history refresh after each of them records the workspace revision
 * as ours. When the window gets the focus or becomes visible again (an analyst can only edit in the tab in front),
 * the revision is asked for; if anything was committed since, everything shown is reloaded.
 */
import type { HistoryState } from '../../../shared/contract/views';
import type { QueryCache } from './queryCache';
import type { QueryDef } from './queries';

export class Freshness {
  /** The revision our cached data reflects; undefined until the first history answer (or on servers without one). */
  private known: number | undefined;
  /** The next history answer is a check for changes made elsewhere (not the refresh after an edit of ours). */
  private verifying = false;

  constructor(private readonly cache: QueryCache, private readonly history: QueryDef<HistoryState>) {
    // Every settled history answer is seen here; answers superseded by a newer request never arrive.
    cache.subscribe(history.key, () => {
      const s = cache.peek<HistoryState>(history.key);
      if (!s.loading && !s.error && s.data) this.observe(s.data.revision);
    });
  }

  private observe(revision: number | undefined): void {
    if (revision === undefined) return;
    const elsewhere = this.verifying && this.known !== undefined && revision !== this.known;
    this.verifying = false;
    this.known = revision;
    // Someone else committed: we cannot tell what, so everything shown is reloaded (history itself is current).
    if (elsewhere) void this.cache.invalidate((k) => k !== this.history.key);
  }

  /** Asks the server for its revision now (cheap: history.state is a few dozen bytes). */
  check(): Promise<void> {
    this.verifying = true;
    const loaded = this.cache.peek(this.history.key).data !== undefined;
    return loaded ? this.cache.invalidate((k) => k === this.history.key) : this.cache.ensure(this.history.key, this.history.fetch);
  }

  /** Checks when the window comes back to the front: the moment an analyst may have edited in another tab. */
  watch(win: Pick<Window, 'addEventListener'> & { document: Pick<Document, 'addEventListener' | 'visibilityState'> }): void {
    win.addEventListener('focus', () => void this.check());
    win.document.addEventListener('visibilitychange', () => {
      if (win.document.visibilityState === 'visible') void this.check();
    });
  }
}
