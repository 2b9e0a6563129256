/** sources.open's reply is compact (see reader-wire), gives back the reader view, and is never older than the last change. */
import { describe, expect, it } from 'vitest';
import { analysisFixture, unwrap } from '../../../tests/support/analysis-fixture';
import { expandReader, type ReaderWire } from '../../../shared/contract/reader-wire';
import { createHandlers } from '../api/handlers';
import { deleteHighlight, updateHighlight } from './highlights';
import { stepWithChanges } from '../api/handlers-history';
import { openSource, openSourceWire } from './sources';

describe('sources.open on the wire', () => {
  it('leaves out the quote of every highlight still in place, and expands to the view openSource builds', async () => {
    const { wb, article, highlight } = await analysisFixture();
    const phrases = ['Erdoğan said', 'territorial integrity', 'brotherly Kazakhstan'];
    for (const p of phrases) highlight(article, p);
    const handlers = createHandlers(wb, { seeded: false });
    const reply = unwrap(await handlers['sources.open']({ id: article.id }));
    const json = JSON.stringify(reply);
    for (const p of phrases) expect(JSON.stringify(reply.highlights), 'a quote is sent beside the text that holds it').not.toContain(p);
    expect(expandReader(JSON.parse(json) as ReaderWire)).toStrictEqual(unwrap(openSource(wb, article.id)));
    expect(await handlers['sources.open']({ id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await wb.close();
  });

  it('reuses the anchored reply until a change, and then shows the change (create, edit, delete, undo)', async () => {
    const { wb, article, report, highlight } = await analysisFixture();
    const first = unwrap(openSourceWire(wb, article.id));
    expect(unwrap(openSourceWire(wb, article.id))).toBe(first);
    const h = highlight(article, 'Erdoğan said');
    const ids = () => unwrap(openSourceWire(wb, article.id)).highlights.map((t) => [t[0], t[1]]);
    expect(ids()).toEqual([[h.id, 'yellow']]);
    unwrap(updateHighlight(wb, { id: h.id, color: 'green' }));
    expect(ids()).toEqual([[h.id, 'green']]);
    // A change to another source drops this one's reply too (cheap to rebuild; never stale).
    const other = unwrap(openSourceWire(wb, article.id));
    highlight(report, 'Tokayev');
    expect(unwrap(openSourceWire(wb, article.id))).not.toBe(other);
    unwrap(deleteHighlight(wb, h.id));
    expect(ids()).toEqual([]);
    unwrap(stepWithChanges(wb, 'undo'));
    expect(ids()).toEqual([[h.id, 'green']]);
    await wb.close();
  });
});
