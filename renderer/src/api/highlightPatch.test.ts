import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../../shared/domain/types';
import type { ReaderView, SourceSummary, TagSummary, WorkspaceInfo } from '../../../shared/contract/views';
import {
  countDeltas, patchReaderView, patchSourceCounts, patchTagCounts, patchWorkspaceCounts, priorFromViews,
} from './highlightPatch';

const TEXT = 'Alpha beta gamma delta epsilon zeta eta theta.';

function hl(id: string, word: string, extra: Partial<Highlight> = {}): Highlight {
  const start = TEXT.indexOf(word);
  return {
    id, sourceId: 's1', color: 'yellow', quote: { type: 'TextQuoteSelector', exact: word, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + word.length },
    tagIds: [], note: '', entityIds: [], createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', ...extra,
  } as Highlight;
}

function view(...hs: Highlight[]): ReaderView {
  return {
    source: { id: 's1' } as ReaderView['source'], text: TEXT,
    highlights: hs.map((h) => ({ highlight: h, status: 'exact' as const, range: { start: h.position.start, end: h.position.end } })),
  };
}

const ids = (v: ReaderView | null) => v?.highlights.map((a) => a.highlight.id);

describe('patchReaderView', () => {
  it('places a new highlight at its recorded range, in text order, leaving the others as they were', () => {
    const before = view(hl('a', 'beta'), hl('c', 'theta'));
    before.highlights[1] = { ...before.highlights[1]!, status: 'moved', range: { start: 40, end: 43 } };
    const after = patchReaderView(before, { put: [hl('b', 'delta')], removed: [], created: true });
    expect(ids(after)).toEqual(['a', 'b', 'c']);
    expect(after!.highlights[1]).toEqual({ highlight: expect.objectContaining({ id: 'b' }), status: 'exact', range: { start: 17, end: 22 } });
    // The others are the very same objects: nothing was re-anchored.
    expect(after!.highlights[0]).toBe(before.highlights[0]);
    expect(after!.highlights[2]).toBe(before.highlights[1]);
  });

  it('keeps where an edited highlight is anchored and swaps in its new record', () => {
    const before = view(hl('a', 'beta'));
    before.highlights[0] = { ...before.highlights[0]!, status: 'moved', range: { start: 5, end: 11 } };
    const after = patchReaderView(before, { put: [hl('a', 'beta', { color: 'green' })], removed: [] });
    expect(after!.highlights).toEqual([{ highlight: expect.objectContaining({ color: 'green' }), status: 'moved', range: { start: 5, end: 11 } }]);
  });

  it('drops a removed highlight, and returns the same view when the delta is about another source', () => {
    const before = view(hl('a', 'beta'), hl('b', 'gamma'));
    expect(ids(patchReaderView(before, { put: [], removed: ['a'] }))).toEqual(['b']);
    expect(patchReaderView(before, { put: [hl('x', 'zeta', { sourceId: 's2' })], removed: ['nope'] })).toBe(before);
  });

  it('refuses (null: reload) a new highlight whose quote is not at its recorded position', () => {
    const wrong = hl('b', 'delta', { position: { type: 'TextPositionSelector', start: 0, end: 5 } } as Partial<Highlight>);
    expect(patchReaderView(view(hl('a', 'beta')), { put: [wrong], removed: [] })).toBeNull();
  });
});

describe('count patches', () => {
  const sources = [{ id: 's1', highlightCount: 2 }, { id: 's2', highlightCount: 5 }] as SourceSummary[];
  const tags = [{ id: 't1', count: 1 }, { id: 't2', count: 0 }] as TagSummary[];
  const info = { counts: { sources: 2, highlights: 7, tags: 2 } } as WorkspaceInfo;

  it('move source, tag and workspace counts by a create, a retag and a delete', () => {
    const a = hl('a', 'beta', { tagIds: ['t1'] });
    const prior = priorFromViews([view(a)], { put: [], removed: [] });
    const created = countDeltas({ put: [hl('n', 'zeta', { tagIds: ['t2'] })], removed: [], created: true }, prior)!;
    expect(patchSourceCounts(sources, created)!.map((s) => s.highlightCount)).toEqual([3, 5]);
    expect(patchTagCounts(tags, created)!.map((t) => t.count)).toEqual([1, 1]);
    expect(patchWorkspaceCounts(info, created).counts.highlights).toBe(8);
    const retagged = countDeltas({ put: [{ ...a, tagIds: ['t2'] }], removed: [] }, prior)!;
    expect(patchTagCounts(tags, retagged)!.map((t) => t.count)).toEqual([0, 1]);
    expect(patchSourceCounts(sources, retagged)).toBe(sources);
    const deleted = countDeltas({ put: [], removed: ['a'] }, prior)!;
    expect(patchTagCounts(tags, deleted)!.map((t) => t.count)).toEqual([0, 0]);
    expect(patchWorkspaceCounts(info, deleted).counts.highlights).toBe(6);
  });

  it('knows a highlight missing from a loaded view of its source is new, and gives up when nothing is known', () => {
    const prior = priorFromViews([view(hl('a', 'beta'))], { put: [hl('b', 'gamma')], removed: [] });
    expect(prior.get('b')).toBeNull();
    expect(countDeltas({ put: [hl('b', 'gamma')], removed: [] }, prior)!.total).toBe(1);
    expect(countDeltas({ put: [hl('z', 'zeta', { sourceId: 's9' })], removed: [] }, prior)).toBeNull();
    expect(countDeltas({ put: [], removed: ['unknown'] }, prior)).toBeNull();
  });

  it('refuses (null: reload) a list that lacks a record whose count moves', () => {
    const d = countDeltas({ put: [hl('n', 'zeta', { sourceId: 's3', tagIds: ['t9'] })], removed: [], created: true }, new Map())!;
    expect(patchSourceCounts(sources, d)).toBeNull();
    expect(patchTagCounts(tags, d)).toBeNull();
  });
});
