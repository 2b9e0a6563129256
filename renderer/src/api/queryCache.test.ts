import { describe, expect, it } from 'vitest';
import { QueryCache, type Fetcher } from './queryCache';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('QueryCache', () => {
  it('loads once for concurrent users and shares the answer', async () => {
    const cache = new QueryCache();
    let calls = 0;
    const fetcher: Fetcher<number> = async () => ({ ok: true, value: ++calls });
    cache.subscribe('k', () => {});
    await Promise.all([cache.ensure('k', fetcher), cache.ensure('k', fetcher)]);
    await cache.ensure('k', fetcher);
    expect(calls).toBe(1);
    expect(cache.peek('k')).toEqual({ data: 1, error: null, loading: false });
  });

  it('refetches watched keys on invalidation and forgets unwatched ones', async () => {
    const cache = new QueryCache();
    let n = 0;
    const fetcher: Fetcher<number> = async () => ({ ok: true, value: ++n });
    const stop = cache.subscribe('watched', () => {});
    await cache.ensure('watched', fetcher);
    await cache.ensure('unwatched', fetcher);
    await cache.invalidate((k) => k.endsWith('watched'));
    expect(cache.peek('watched').data).toBe(3);
    expect(cache.peek('unwatched').data).toBeUndefined();
    stop();
  });

  it('keeps the last good data on error, reports the error, and lets only the newest request win', async () => {
    const errors: string[] = [];
    const cache = new QueryCache((key, e) => errors.push(`${key}: ${e.message}`));
    cache.subscribe('k', () => {});
    await cache.ensure('k', async () => ({ ok: true, value: 'good' }));
    const slow = deferred<{ ok: true; value: string }>();
    // A slower, older request is superseded by a newer failing one.
    const older = (cache as unknown as { load: (k: string, f: Fetcher) => Promise<void> });
    const pendingOld = older.load('k', () => slow.promise);
    await older.load('k', async () => ({ ok: false, error: { code: 'internal', message: 'boom' } }));
    slow.resolve({ ok: true, value: 'too late' });
    await pendingOld;
    expect(cache.peek('k').data).toBe('good');
    expect(cache.peek('k').error?.message).toBe('boom');
    expect(errors).toEqual(['k: boom']);
  });
});

describe('QueryCache.patch', () => {
  it('replaces a loaded answer in place and tells its watchers, without fetching', async () => {
    const cache = new QueryCache();
    let calls = 0;
    let notified = 0;
    const fetcher: Fetcher<number[]> = async () => { calls++; return { ok: true, value: [1, 2] }; };
    cache.subscribe('k', () => notified++);
    await cache.ensure('k', fetcher);
    notified = 0;
    expect(cache.patch<number[]>('k', (v) => [...v, 3])).toBe(true);
    expect(cache.peek('k').data).toEqual([1, 2, 3]);
    expect(notified).toBe(1);
    // Still fresh: the patched answer is served, not refetched.
    await cache.ensure('k', fetcher);
    expect(calls).toBe(1);
    expect(cache.peek('k').data).toEqual([1, 2, 3]);
    expect(cache.loaded((k) => k === 'k')).toEqual([['k', [1, 2, 3]]]);
  });

  it('refuses to patch what is not loaded, is loading, or the update gives up on', async () => {
    const cache = new QueryCache();
    expect(cache.patch('missing', () => 1)).toBe(false);
    const slow = deferred<{ ok: true; value: number }>();
    const loading = cache.ensure('k', () => slow.promise);
    // A load under way may answer with data from before the edit: patching it would be overwritten.
    expect(cache.patch<number>('k', (v) => v + 1)).toBe(false);
    expect(cache.loaded(() => true)).toEqual([]);
    slow.resolve({ ok: true, value: 1 });
    await loading;
    expect(cache.patch<number>('k', () => null)).toBe(false);
    expect(cache.peek('k').data).toBe(1);
  });
});
