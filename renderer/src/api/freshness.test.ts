import { describe, expect, it } from 'vitest';
import type { HistoryState } from '../../../shared/contract/views';
import { Freshness } from './freshness';
import { QueryCache } from './queryCache';

const state = (revision: number): HistoryState => ({ canUndo: true, canRedo: false, undoLabel: 'Highlight', redoLabel: null, revision });

/** A cache holding history plus one watched reader view, with a server whose revision the test moves. */
async function setup() {
  const cache = new QueryCache();
  const server = { revision: 10, readerLoads: 0 };
  const history = { key: 'history', fetch: async () => ({ ok: true as const, value: state(server.revision) }) };
  const freshness = new Freshness(cache, history);
  cache.subscribe('reader:s1', () => {});
  await cache.ensure('reader:s1', async () => ({ ok: true, value: ++server.readerLoads }));
  await cache.ensure('history', history.fetch);
  return { cache, server, freshness, history };
}

describe('Freshness', () => {
  it('reloads what is shown when a check finds commits made elsewhere', async () => {
    const { cache, server, freshness } = await setup();
    server.revision = 12; // another tab committed twice
    await freshness.check();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(server.readerLoads).toBe(2);
    expect(cache.peek('reader:s1').data).toBe(2);
  });

  it('reloads nothing when a check finds no change, nor after the history refresh of an edit of ours', async () => {
    const { cache, server, freshness } = await setup();
    await freshness.check();
    server.revision = 11; // our own edit, followed by its history refresh
    await cache.invalidate((k) => k === 'history');
    await freshness.check();
    await new Promise((r) => setTimeout(r, 0));
    expect(server.readerLoads).toBe(1);
  });

  it('checks when the window gets the focus or becomes visible', async () => {
    const { server, freshness } = await setup();
    const handlers = new Map<string, () => void>();
    const doc = { visibilityState: 'visible' as DocumentVisibilityState, addEventListener: (t: string, f: () => void) => handlers.set(`doc:${t}`, f) };
    freshness.watch({ addEventListener: (t: string, f: () => void) => handlers.set(t, f), document: doc } as never);
    server.revision = 11;
    handlers.get('doc:visibilitychange')!();
    await new Promise((r) => setTimeout(r, 0));
    expect(server.readerLoads).toBe(2);
    server.revision = 12;
    handlers.get('focus')!();
    await new Promise((r) => setTimeout(r, 0));
    expect(server.readerLoads).toBe(3);
  });
});
