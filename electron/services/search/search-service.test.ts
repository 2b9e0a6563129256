/** The search service follows every committed change (including undo) and folds diacritics. */
import { describe, expect, it } from 'vitest';
import { Workbench } from '../workbench/workbench';
import { importFile } from '../workbench/sources';
import { createHighlight, deleteHighlight } from '../workbench/highlights';
import { createTag, updateTag } from '../workbench/tags';
import { SearchService } from './search-service';
import { sampleArticle, tempDir } from '../../../tests/unit/helpers';

describe('SearchService', () => {
  it('builds in the background, then tracks creates, deletes, renames and undo', async () => {
    const wb = await Workbench.open(tempDir());
    const imported = await importFile(wb, 'sample-article.txt', sampleArticle());
    if (!imported.ok) throw new Error(imported.error.message);
    const search = new SearchService(wb);
    await search.startBuild();
    expect(search.status()).toMatchObject({ ready: true, progress: 1 });

    const erdogan = search.query('Erdogan', {});
    expect(erdogan.complete).toBe(true);
    expect(erdogan.hits.length).toBeGreaterThan(0);
    expect(erdogan.hits[0]!.snippet).toContain('Erdoğan');
    expect(search.query('"just peace"', { kinds: ['source'] }).hits[0]!.snippet).toContain('just peace');

    const src = imported.value.source;
    const tag = createTag(wb, { name: 'commitment', parentId: null });
    if (!tag.ok) throw new Error('tag');
    const h = createHighlight(wb, { sourceId: src.id, start: 0, end: 7, color: 'yellow', tagIds: [tag.value.id], note: 'zeppelin memo' });
    if (!h.ok) throw new Error('highlight');
    expect(search.query('zeppelin', {}).hits.map((x) => x.id)).toEqual([h.value.id]);

    updateTag(wb, { id: tag.value.id, name: 'pledge' });
    expect(search.query('pledge', { kinds: ['highlight'] }).hits.map((x) => x.id)).toEqual([h.value.id]);

    deleteHighlight(wb, h.value.id);
    expect(search.query('zeppelin', {}).hits).toEqual([]);
    wb.step('undo');
    expect(search.query('zeppelin', {}).hits.map((x) => x.id)).toEqual([h.value.id]);
    search.stop();
    await wb.close();
  });
});
