/** Code co-occurrence counts per unit (highlight, paragraph, source), the c-coefficient, and the passages behind a cell. */
import { describe, expect, it } from 'vitest';
import { cooccurrence, type CodedHighlight, type CodeKey } from './cooccurrence';

const h = (id: string, sourceId: string, paragraph: number, tagIds: string[], entityIds: string[] = []): CodedHighlight =>
  ({ id, sourceId, paragraph, tagIds, entityIds });

// Source s1: h1 (¶1) energy+trade, h2 (¶1) trade, h3 (¶2) energy. Source s2: h4 (¶1) trade with entity Tokayev.
const hs = [h('h1', 's1', 1, ['energy', 'trade']), h('h2', 's1', 1, ['trade']), h('h3', 's1', 2, ['energy']), h('h4', 's2', 1, ['trade'], ['tokayev'])];
const tags: CodeKey[] = ['tag:energy', 'tag:trade'];

describe('co-occurrence', () => {
  it('counts codes on the same highlight once per highlight, with an empty diagonal', () => {
    const t = cooccurrence(hs, 'highlight', tags, tags);
    expect(t.cells.get('tag:energy')?.get('tag:trade')).toEqual({ count: 1, c: 0.25, highlightIds: ['h1'] });
    expect(t.cells.get('tag:trade')?.get('tag:energy')?.count).toBe(1);
    expect(t.cells.get('tag:energy')?.get('tag:energy')).toBeUndefined();
    // energy on 2 highlights, trade on 3: c = 1 / (2 + 3 − 1).
    expect([t.frequency.get('tag:energy'), t.frequency.get('tag:trade')]).toEqual([2, 3]);
  });

  it('counts a paragraph once however many highlights in it carry the codes, and lists those highlights', () => {
    const t = cooccurrence(hs, 'paragraph', tags, tags);
    // Paragraphs: s1¶1 {energy, trade}, s1¶2 {energy}, s2¶1 {trade}.
    expect(t.cells.get('tag:energy')?.get('tag:trade')).toEqual({ count: 1, c: 0.333, highlightIds: ['h1', 'h2'] });
  });

  it('counts per source, and crosses tags with entities', () => {
    const bySource = cooccurrence(hs, 'source', tags, tags);
    expect(bySource.cells.get('tag:energy')?.get('tag:trade')).toMatchObject({ count: 1, c: 0.5 });
    const cross = cooccurrence(hs, 'highlight', tags, ['entity:tokayev']);
    expect(cross.cells.get('tag:trade')?.get('entity:tokayev')).toEqual({ count: 1, c: 0.333, highlightIds: ['h4'] });
    expect(cross.cells.get('tag:energy')).toBeUndefined();
  });
});
