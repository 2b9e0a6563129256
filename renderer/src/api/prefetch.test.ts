/** The start-up prefetch: the first screen gets the reply already under way, once, and never a stale one. */
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/contract/define';
import type { Result } from '../../../shared/domain/result';
import { Prefetcher } from './prefetch';
import { QueryCache } from './queryCache';

/** A query whose every fetch is counted and answers with the fetch's number. */
function countingQuery(key: string) {
  const def = {
    key,
    calls: 0,
    fetch: (): Promise<Result<number, ApiError>> => Promise.resolve({ ok: true, value: ++def.calls }),
  };
  return def;
}

describe('Prefetcher', () => {
  it('answers the first load from the request started at launch, without a second request', async () => {
    const p = new Prefetcher();
    const q = countingQuery('sources');
    p.start(q);
    expect(q.calls).toBe(1);
    const cache = new QueryCache();
    await cache.ensure(q.key, p.fetcher(q));
    expect(q.calls).toBe(1);
    expect(cache.peek<number>(q.key).data).toBe(1);
  });

  it('uses the early reply only once: a refetch after an edit asks the server again', async () => {
    const p = new Prefetcher();
    const q = countingQuery('sources');
    p.start(q);
    const cache = new QueryCache();
    cache.subscribe(q.key, () => {});
    await cache.ensure(q.key, p.fetcher(q));
    await cache.invalidate((k) => k === q.key);
    expect(q.calls).toBe(2);
    expect(cache.peek<number>(q.key).data).toBe(2);
  });

  it('drops an early reply older than its limit, and every one after clear()', async () => {
    let now = 0;
    const p = new Prefetcher(() => now, 1000);
    const old = countingQuery('reader:a');
    p.start(old);
    now = 1001;
    expect(await p.fetcher(old)()).toEqual({ ok: true, value: 2 });
    const cleared = countingQuery('reader:b');
    p.start(cleared);
    p.clear();
    expect(await p.fetcher(cleared)()).toEqual({ ok: true, value: 2 });
  });

  it('never answers from an early failure: the load asks the server again (recovery mode, then a restore)', async () => {
    const p = new Prefetcher();
    let calls = 0;
    const q = {
      key: 'sources',
      fetch: (): Promise<Result<string, ApiError>> => Promise.resolve(++calls === 1
        ? { ok: false, error: { code: 'conflict', message: 'the workspace is in recovery mode' } }
        : { ok: true, value: 'restored library' }),
    };
    p.start(q);
    expect(await p.fetcher(q)()).toEqual({ ok: true, value: 'restored library' });
    expect(calls).toBe(2);
  });

  it('fetches normally for a key nobody prefetched', async () => {
    const p = new Prefetcher();
    const q = countingQuery('tags');
    expect(await p.fetcher(q)()).toEqual({ ok: true, value: 1 });
  });

  it('never reports an unused early failure as an unhandled rejection', async () => {
    const p = new Prefetcher();
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    p.start({ key: 'sources', fetch: () => Promise.reject(new Error('recovery mode')) });
    await new Promise((r) => setTimeout(r, 20));
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });
});
