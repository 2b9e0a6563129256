import { describe, expect, it } from 'vitest';
import type { Source } from '../../../../../shared/domain/types';
import { runUrlQueue, type UrlItem } from './urlImportQueue';

const source = (id: string, title: string) => ({ id, meta: { title } }) as unknown as Source;
const timings = { fetchMs: 1, extractMs: 1, renderMs: 1, totalMs: 3 };

describe('runUrlQueue', () => {
  it('captures one URL at a time, recording imports, duplicates and failures, and goes on after a failure', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const capture = async (url: string) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await Promise.resolve();
      inFlight--;
      if (url.endsWith('/404')) return { ok: false as const, error: { code: 'capture_failed' as const, message: 'The server answered 404 Not Found.' } };
      return { ok: true as const, value: { source: source(`s-${url.slice(-1)}`, `Title ${url.slice(-1)}`), duplicate: url.endsWith('2'), timings } };
    };
    const seen: UrlItem['status'][][] = [];
    const items = await runUrlQueue(['https://x.example/1', 'https://x.example/404', 'https://x.example/2'], {
      capture, cancelled: () => false, onChange: (list) => seen.push(list.map((i) => i.status)),
    });
    expect(maxInFlight).toBe(1);
    expect(items).toEqual([
      { url: 'https://x.example/1', status: 'imported', sourceId: 's-1', title: 'Title 1', totalMs: 3 },
      { url: 'https://x.example/404', status: 'failed', message: 'The server answered 404 Not Found.' },
      { url: 'https://x.example/2', status: 'duplicate', sourceId: 's-2', title: 'Title 2', totalMs: 3 },
    ]);
    expect(seen[0]).toEqual(['queued', 'queued', 'queued']);
    expect(seen[1]).toEqual(['fetching', 'queued', 'queued']);
  });

  it('a cancel lets the current URL finish and marks the rest cancelled, never started', async () => {
    const started: string[] = [];
    let cancel = false;
    const items = await runUrlQueue(['https://x.example/a', 'https://x.example/b', 'https://x.example/c'], {
      capture: async (url) => {
        started.push(url);
        cancel = true; // pressed while the first one runs
        return { ok: true, value: { source: source('s-a', 'A'), duplicate: false, timings } };
      },
      cancelled: () => cancel,
      onChange: () => {},
    });
    expect(started).toEqual(['https://x.example/a']);
    expect(items.map((i) => i.status)).toEqual(['imported', 'cancelled', 'cancelled']);
  });

  it('a thrown transport error fails that URL with its message and the list goes on', async () => {
    const items = await runUrlQueue(['https://x.example/a', 'https://x.example/b'], {
      capture: async (url) => {
        if (url.endsWith('a')) throw new Error('Failed to fetch');
        return { ok: true, value: { source: source('s-b', ''), duplicate: false, timings } };
      },
      cancelled: () => false,
      onChange: () => {},
    });
    expect(items[0]).toEqual({ url: 'https://x.example/a', status: 'failed', message: 'Failed to fetch' });
    // An untitled page is listed under its address.
    expect(items[1]).toMatchObject({ status: 'imported', title: 'https://x.example/b' });
  });

  it('a captured PDF that gave an older text-only source its pages is listed as upgraded, with carried and orphaned counts', async () => {
    const upgraded = { sourceId: 's-old', carried: 2, orphans: [{ id: 'h9', exact: 'gone' }] };
    const items = await runUrlQueue(['https://x.example/report.pdf'], {
      capture: async () => ({ ok: true, value: { source: source('s-old', 'Harbour report'), duplicate: true, upgraded, timings } }),
      cancelled: () => false,
      onChange: () => {},
    });
    expect(items).toEqual([
      { url: 'https://x.example/report.pdf', status: 'upgraded', sourceId: 's-old', title: 'Harbour report', totalMs: 3, carried: 2, orphaned: 1 },
    ]);
  });
});
