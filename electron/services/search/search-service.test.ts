/** The search service follows every committed change (including undo) and folds diacritics. */
import { describe, expect, it } from 'vitest';
import { Workbench } from '../workbench/workbench';
import { importFile } from '../workbench/sources';
import { createHighlight, deleteHighlight } from '../workbench/highlights';
import { createTag, updateTag } from '../workbench/tags';
import { createEntity, mergeEntities, updateEntity } from '../workbench/entities';
import { createClaim } from '../workbench/claims';
import { SearchService } from './search-service';
import { sampleArticle, tempDir } from '../../../tests/unit/helpers';

describe('SearchService', () => {
  it('lets go of its per-record build work list once the build is done, and still reports the build complete', async () => {
    const wb = await Workbench.open(tempDir());
    const imported = await importFile(wb, 'sample-article.txt', sampleArticle());
    if (!imported.ok) throw new Error(imported.error.message);
    for (let i = 0; i < 3; i++) createHighlight(wb, { sourceId: imported.value.source.id, start: i * 10, end: i * 10 + 5, color: 'yellow', tagIds: [], note: '' });
    const search = new SearchService(wb, { persist: false });
    await search.startBuild();
    // At 100k the list held a closure per record (117k, 12 MB of heap) for as long as the workspace stayed open.
    expect((search as unknown as { jobs: unknown[] }).jobs).toHaveLength(0);
    expect(search.status()).toEqual({ ready: true, progress: 1, records: 4 });
    search.stop();
    await wb.close();
  });

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

  it('finds claims by their claimant and subjects, following renames, alias edits, merges and undo', async () => {
    const wb = await Workbench.open(tempDir());
    const search = new SearchService(wb);
    await search.startBuild();
    const entity = (name: string, aliases: string[] = []) => {
      const r = createEntity(wb, { type: 'person', name, aliases, description: '' });
      if (!r.ok) throw new Error(name);
      return r.value.entity.id;
    };
    const erdogan = entity('Recep Tayyip Erdoğan', ['Erdoğan']);
    const rte = entity('RTE');
    const kazakhstan = entity('Kazakhstan');
    const claim = createClaim(wb, {
      claimantId: erdogan, statement: 'Ankara will keep mediating.', type: 'intention', claimedAt: '', credibility: 6,
      evidenceHighlightIds: [], aboutEntityIds: [kazakhstan], tagIds: [],
    });
    if (!claim.ok) throw new Error(claim.error.message);
    const claims = (q: string) => search.query(q, { kinds: ['claim'] }).hits;
    expect(claims('Erdogan').map((h) => h.matchedIn)).toEqual([[{ field: 'claimant', text: 'Recep Tayyip Erdoğan', matches: [{ start: 13, end: 20 }] }]]);
    expect(claims('kazakhstan').map((h) => h.matchedIn?.[0]?.field)).toEqual(['about']);

    updateEntity(wb, { id: erdogan, name: 'Tayyip Bey', aliases: [] });
    expect(claims('erdogan')).toEqual([]);
    expect(claims('bey').map((h) => h.id)).toEqual([claim.value.id]);
    updateEntity(wb, { id: kazakhstan, aliases: ['Qazaqstan'] });
    expect(claims('qazaqstan').map((h) => h.id)).toEqual([claim.value.id]);

    // RTE's name becomes an alias of the claimant; undoing the merge takes it away again.
    mergeEntities(wb, rte, erdogan);
    expect(claims('rte').map((h) => h.matchedIn?.[0]?.text)).toEqual(['Tayyip Bey (RTE)']);
    wb.step('undo');
    expect(claims('rte')).toEqual([]);
    wb.step('undo');
    wb.step('undo');
    expect(claims('erdogan').map((h) => h.id)).toEqual([claim.value.id]);
    search.stop();
    await wb.close();
  });
});
