/** An area highlight (no quote) in search: found by its note and shown as "Area on p. N", never an empty result. */
import { describe, expect, it } from 'vitest';
import { makeSource } from '../../tests/support/search-fixtures';
import { PAGED_TEXT, pagedHighlights, pagedSource } from '../../tests/support/paged-source-fixture';
import { SearchIndex } from './index';
import { highlightDoc } from './records';

describe('area highlights in search', () => {
  const source = pagedSource();
  const { area } = pagedHighlights(source, PAGED_TEXT, null);

  it('indexes "Area on p. 3" where the quote would be, with the note', () => {
    const doc = highlightDoc(area, []);
    expect(doc.label).toBe('Area on p. 3');
    expect(doc.body).toBe('Area on p. 3\nGas flow chart');
  });

  it('a search for its note finds it, with a snippet that says what it is', () => {
    const index = new SearchIndex();
    index.upsertSource(makeSource(source.id, PAGED_TEXT, { title: source.meta.title }), PAGED_TEXT);
    index.upsertHighlight(area, []);
    const hits = index.search('gas flow chart', { kinds: ['highlight'] });
    expect(hits.map((h) => h.id)).toEqual([area.id]);
    expect(hits[0]!.snippet).toContain('Area on p. 3');
  });
});
