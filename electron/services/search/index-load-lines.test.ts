/**
 * Loading the saved index a line of documents at a time (issue 14, searchReadyMs): each line's documents go into the
 * table as it is read, so no parsed tuple waits for the engines at the end of the file (they were promoted to the old
 * generation and collected there: GC was ~20% of loading at 100k).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../../shared/domain/types';
import { SearchIndex } from '../../../shared/search';
import type { DocTuple } from '../../../shared/search/serialize';
import { loadIndexFile, saveIndexFile } from './index-file';
import { tempDir } from '../../../tests/unit/helpers';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const WORKSPACE = 'c0ffee00-0000-4000-8000-000000000001';
const HIGHLIGHTS = 4500; // three lines of documents (2,000 a line)

function highlight(i: number): Highlight {
  const exact = `quote ${i} about talks number ${i % 97} in the capital`;
  return {
    id: `hl-${i}`, sourceId: `src-${i % 7}`, color: 'yellow',
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: i, end: i + exact.length },
    tagIds: i % 3 === 0 ? ['tag-1'] : [], note: i % 2 === 0 ? `note ${i}` : '', entityIds: [],
    createdAt: '2026-01-02T03:04:05.000Z', updatedAt: '2026-01-02T03:04:05.000Z',
  };
}

describe('loading the saved search index', () => {
  it('lets go of every line of document tuples before the rest of the file is read, and answers like the saved index', async () => {
    const dir = tempDir('wb-index-lines-');
    const saved = new SearchIndex();
    for (let i = 0; i < HIGHLIGHTS; i++) saved.upsertHighlight(highlight(i), i % 3 === 0 ? ['label one'] : []);
    saveIndexFile(dir, saved, { workspaceId: WORKSPACE, seq: 3 });

    const tuples: Array<WeakRef<DocTuple>> = [];
    // Tuples still reachable at each turn the loader yields (every 8 lines: after the documents, in the engine lines).
    const heldAtYield: number[] = [];
    const yieldNow = async (): Promise<void> => {
      await new Promise<void>((done) => setImmediate(done));
      gc();
      gc();
      heldAtYield.push(tuples.filter((t) => t.deref() !== undefined).length);
    };
    const loaded = await loadIndexFile(dir, WORKSPACE, yieldNow, { share: (d) => void tuples.push(new WeakRef(d)) });

    expect(loaded.ok).toBe(true);
    expect(tuples.length).toBe(HIGHLIGHTS);
    expect(heldAtYield.length).toBeGreaterThan(0);
    // Before: all 4,500 still held (kept in one array until the engines, at the file's end, had been read).
    expect(heldAtYield).toEqual(heldAtYield.map(() => 0));
    if (!loaded.ok) return;
    expect(loaded.index.size).toBe(HIGHLIGHTS);
    for (const q of ['talks', 'note 42', '"the capital"', 'label']) {
      expect(loaded.index.search(q, { limit: 30 })).toEqual(saved.search(q, { limit: 30 }));
    }
  }, 60_000);

  it('finds a document id out of order across two lines of documents, and says the file is damaged', async () => {
    const dir = tempDir('wb-index-lines-');
    const saved = new SearchIndex();
    for (let i = 0; i < HIGHLIGHTS; i++) saved.upsertHighlight(highlight(i), []);
    saveIndexFile(dir, saved, { workspaceId: WORKSPACE, seq: 3 });
    // The first document of the second line gets an id the first line already used.
    let seen = 0;
    const loaded = await loadIndexFile(dir, WORKSPACE, async () => undefined, {
      share: (d) => {
        if (++seen === 2001) d[0] = 5;
      },
    });
    expect(loaded).toMatchObject({ ok: false, reason: 'damaged', message: 'search index damaged: bad document ids' });
  });
});
