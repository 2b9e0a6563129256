/** history.* replies carry the workspace revision, and undo/redo say which highlights they changed. */
import { describe, expect, it } from 'vitest';
import { analysisFixture, unwrap } from '../../../tests/support/analysis-fixture';
import { deleteHighlight, updateHighlight } from '../workbench/highlights';
import { createTag, deleteTag } from '../workbench/tags';
import { historyWithRevision, stepWithChanges } from './handlers-history';

describe('history replies', () => {
  it('count every commit in the revision, so a renderer can tell edits made elsewhere', async () => {
    const { wb, article, highlight } = await analysisFixture();
    const before = historyWithRevision(wb).revision!;
    highlight(article, 'Erdoğan');
    expect(historyWithRevision(wb).revision).toBe(before + 1);
    unwrap(stepWithChanges(wb, 'undo'));
    expect(historyWithRevision(wb).revision).toBe(before + 2);
  });

  it('undo and redo of a delete name the highlight brought back and taken away again', async () => {
    const { wb, article, highlight } = await analysisFixture();
    const h = highlight(article, 'Erdoğan');
    unwrap(updateHighlight(wb, { id: h.id, color: 'green' }));
    unwrap(deleteHighlight(wb, h.id));
    const undone = unwrap(stepWithChanges(wb, 'undo'));
    expect(undone.changed).toEqual({ collections: ['highlights'], highlights: [expect.objectContaining({ id: h.id, color: 'green' })], removedHighlightIds: [] });
    expect(undone).toMatchObject({ canRedo: true, redoLabel: 'Delete highlight' });
    const redone = unwrap(stepWithChanges(wb, 'redo'));
    expect(redone.changed).toEqual({ collections: ['highlights'], highlights: [], removedHighlightIds: [h.id] });
  });

  it('name every collection a step wrote to (a tag delete also untags highlights)', async () => {
    const { wb, article, highlight } = await analysisFixture();
    const tag = unwrap(createTag(wb, { name: 'claim', parentId: null }));
    const h = highlight(article, 'Erdoğan');
    unwrap(updateHighlight(wb, { id: h.id, tagIds: [tag.id] }));
    unwrap(deleteTag(wb, tag.id));
    const undone = unwrap(stepWithChanges(wb, 'undo'));
    expect([...undone.changed!.collections].sort()).toEqual(['highlights', 'tags']);
    expect(undone.changed!.highlights).toEqual([expect.objectContaining({ id: h.id, tagIds: [tag.id] })]);
  });

  it('refuse an undo with nothing to undo, changing nothing', async () => {
    const { wb } = await analysisFixture();
    while (wb.state.history.undo.length > 0) unwrap(stepWithChanges(wb, 'undo'));
    const revision = historyWithRevision(wb).revision;
    expect(stepWithChanges(wb, 'undo')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(historyWithRevision(wb).revision).toBe(revision);
  });
});
