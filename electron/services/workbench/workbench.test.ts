/** The services through the one command path: highlights, tags, undo/redo across a restart, deletions. */
import { describe, expect, it } from 'vitest';
import { Workbench } from './workbench';
import { importFile, importText, deleteSource, openSource, listSources } from './sources';
import { createHighlight, deleteHighlight, listHighlights, updateHighlight } from './highlights';
import { createTag, deleteTag, listTags, mergeTags, updateTag } from './tags';
import { seedIfEmpty } from './seed';
import { sampleArticle, tempDir, repoRoot } from '../../../tests/unit/helpers';
import path from 'node:path';

const SENTENCE = 'We will continue to support the stability, peace, sovereignty and territorial integrity of brotherly Kazakhstan';

async function withSample() {
  const dir = tempDir();
  const wb = await Workbench.open(dir);
  const r = await importFile(wb, 'sample-article.txt', sampleArticle());
  if (!r.ok) throw new Error(r.error.message);
  return { dir, wb, source: r.value.source };
}

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('workbench services', () => {
  it('highlights an exact sentence and finds it again after a restart with tag and note', async () => {
    const { dir, wb, source } = await withSample();
    const text = unwrap(openSource(wb, source.id)).text;
    const start = text.indexOf(SENTENCE);
    const tag = unwrap(createTag(wb, { name: 'claim', parentId: null }));
    const h = unwrap(createHighlight(wb, { sourceId: source.id, start, end: start + SENTENCE.length, color: 'yellow', tagIds: [tag.id], note: 'key commitment' }));
    expect(h.quote.exact).toBe(SENTENCE);
    expect(h.position).toEqual({ type: 'TextPositionSelector', start, end: start + SENTENCE.length });
    await wb.close();
    const again = await Workbench.open(dir);
    const view = unwrap(openSource(again, source.id));
    expect(view.highlights).toHaveLength(1);
    const [a] = view.highlights;
    expect(a!.status).toBe('exact');
    expect(view.text.slice(a!.range!.start, a!.range!.end)).toBe(SENTENCE);
    expect(a!.highlight.note).toBe('key commitment');
    expect(a!.highlight.tagIds).toEqual([tag.id]);
    await again.close();
  });

  it('detects a duplicate import and adds nothing', async () => {
    const { wb, source } = await withSample();
    const again = unwrap(await importFile(wb, 'copy.txt', sampleArticle()));
    expect(again.duplicate).toBe(true);
    expect(again.source.id).toBe(source.id);
    expect(listSources(wb)).toHaveLength(1);
    await wb.close();
  });

  it('rejects bad imports with a message naming the file, changing nothing', async () => {
    const { wb } = await withSample();
    const before = wb.state.history.undo.length;
    const r = await importFile(wb, 'photo.txt', new Uint8Array([0, 1, 2, 3, 0, 0, 255, 254]));
    expect(r).toMatchObject({ ok: false, error: { code: 'import_rejected' } });
    if (!r.ok) expect(r.error.message).toContain('photo.txt');
    const empty = await importText(wb, '   \n ');
    expect(empty.ok).toBe(false);
    expect(wb.state.history.undo.length).toBe(before);
    expect(listSources(wb)).toHaveLength(1);
    await wb.close();
  });

  it('refuses ranges outside the text and unknown tags', async () => {
    const { wb, source } = await withSample();
    expect(createHighlight(wb, { sourceId: source.id, start: 0, end: source.textLength + 5, color: 'yellow', tagIds: [], note: '' }).ok).toBe(false);
    expect(createHighlight(wb, { sourceId: source.id, start: 0, end: 5, color: 'yellow', tagIds: ['nope'], note: '' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(createHighlight(wb, { sourceId: 'nope', start: 0, end: 5, color: 'yellow', tagIds: [], note: '' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await wb.close();
  });

  it('undo and redo cover every kind of edit and survive a restart', async () => {
    const { dir, wb, source } = await withSample();
    const h = unwrap(createHighlight(wb, { sourceId: source.id, start: 0, end: 7, color: 'yellow', tagIds: [], note: '' }));
    unwrap(updateHighlight(wb, { id: h.id, note: 'first' }));
    unwrap(updateHighlight(wb, { id: h.id, note: 'second' }));
    unwrap(wb.step('undo'));
    expect(wb.state.get('highlights', h.id)!.note).toBe('first');
    await wb.close();
    const again = await Workbench.open(dir);
    expect(again.state.get('highlights', h.id)!.note).toBe('first');
    unwrap(again.step('redo'));
    expect(again.state.get('highlights', h.id)!.note).toBe('second');
    unwrap(deleteHighlight(again, h.id));
    expect(again.state.get('highlights', h.id)).toBeUndefined();
    unwrap(again.step('undo'));
    expect(again.state.get('highlights', h.id)!.note).toBe('second');
    // A new edit clears the redo stack.
    unwrap(again.step('undo'));
    unwrap(updateHighlight(again, { id: h.id, color: 'blue' }));
    expect(again.step('redo').ok).toBe(false);
    await again.close();
  });

  it('renames, merges and deletes tags across every highlight at once', async () => {
    const { wb, source } = await withSample();
    const a = unwrap(createTag(wb, { name: 'claim', parentId: null }));
    const b = unwrap(createTag(wb, { name: 'Claims', parentId: null }));
    const child = unwrap(createTag(wb, { name: 'disputed', parentId: b.id }));
    expect(createTag(wb, { name: 'CLAIM', parentId: null })).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    const hs = [0, 10, 20].map((s, i) => unwrap(createHighlight(wb, { sourceId: source.id, start: s, end: s + 5, color: 'green', tagIds: i === 2 ? [a.id, b.id] : [i ? b.id : a.id], note: '' })));
    expect(updateTag(wb, { id: b.id, parentId: child.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    unwrap(updateTag(wb, { id: a.id, name: 'assertion' }));
    const merged = unwrap(mergeTags(wb, b.id, a.id));
    expect(merged.retagged).toBe(2);
    expect(listHighlights(wb, { tagId: a.id }).map((h) => h.id).sort()).toEqual(hs.map((h) => h.id).sort());
    expect(wb.state.get('highlights', hs[2]!.id)!.tagIds).toEqual([a.id]);
    expect(wb.state.get('tags', child.id)!.parentId).toBe(a.id);
    expect(listTags(wb).find((t) => t.id === child.id)!.path).toBe('assertion / disputed');
    const del = unwrap(deleteTag(wb, a.id));
    expect(del.untagged).toBe(3);
    expect(wb.state.get('tags', child.id)!.parentId).toBeNull();
    unwrap(wb.step('undo'));
    expect(listHighlights(wb, { tagId: a.id })).toHaveLength(3);
    await wb.close();
  });

  it('deleting a source removes its highlights, and undo restores both', async () => {
    const { wb, source } = await withSample();
    unwrap(createHighlight(wb, { sourceId: source.id, start: 0, end: 7, color: 'yellow', tagIds: [], note: '' }));
    expect(unwrap(deleteSource(wb, source.id)).deletedHighlights).toBe(1);
    expect(wb.state.count('highlights')).toBe(0);
    unwrap(wb.step('undo'));
    expect(listSources(wb)[0]!.highlightCount).toBe(1);
    await wb.close();
  });

  it('seeds the sample article into an empty workspace only once', async () => {
    const wb = await Workbench.open(tempDir());
    const seeds = path.join(repoRoot, 'seeds');
    expect(await seedIfEmpty(wb, seeds)).toBe(true);
    expect(await seedIfEmpty(wb, seeds)).toBe(false);
    expect(listSources(wb)).toHaveLength(1);
    await wb.close();
  });
});
