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
