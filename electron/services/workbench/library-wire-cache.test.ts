/** sources.library is built once per revision of the workspace, and any applied change gives a fresh, current list. */
import { describe, expect, it } from 'vitest';
import { analysisFixture, unwrap } from '../../../tests/support/analysis-fixture';
import { expandLibrary } from '../../../shared/contract/library-wire';
import { createHandlers } from '../api/handlers';
import { stepWithChanges } from '../api/handlers-history';
import { deleteHighlight } from './highlights';
import { listLibraryWire, listSources, updateSourceMeta } from './sources';

describe('sources.library', () => {
  it('answers the list sources.list gives, compact', async () => {
    const { wb, article, highlight } = await analysisFixture();
    highlight(article, 'Erdoğan said');
    const reply = unwrap(await createHandlers(wb, { seeded: false })['sources.library']({}));
    expect(expandLibrary(reply)).toStrictEqual(listSources(wb));
    await wb.close();
  });

  it('reuses the reply until a change, then shows the change (meta edit, new highlight, delete, undo)', async () => {
    const { wb, article, highlight } = await analysisFixture();
    const row = () => expandLibrary(listLibraryWire(wb)).find((s) => s.id === article.id)!;
    const first = listLibraryWire(wb);
    expect(listLibraryWire(wb)).toBe(first);
    unwrap(updateSourceMeta(wb, article.id, { title: 'Renamed' }));
    expect(row().meta.title).toBe('Renamed');
    const h = highlight(article, 'Erdoğan said');
    expect(row().highlightCount).toBe(1);
    const cached = listLibraryWire(wb);
    expect(listLibraryWire(wb)).toBe(cached);
    unwrap(deleteHighlight(wb, h.id));
    expect(row().highlightCount).toBe(0);
    unwrap(stepWithChanges(wb, 'undo'));
    expect(row().highlightCount).toBe(1);
    expect(expandLibrary(listLibraryWire(wb))).toStrictEqual(listSources(wb));
    await wb.close();
  });
});
