/** Co-occurrence on a real temp workspace: the unit decides what counts together; labels, scope and passages come along. */
import { describe, expect, it } from 'vitest';
import { analysisFixture, unwrap } from '../../../tests/support/analysis-fixture';
import { cooccurrenceTable } from './cooccurrence';
import { createTag } from './tags';
import { updateHighlight } from './highlights';
import { createEntity, setHighlightEntities } from './entities';

async function coded() {
  const f = await analysisFixture();
  const { wb, article, report, highlight } = f;
  const topics = unwrap(createTag(wb, { name: 'Topics', parentId: null }));
  const energy = unwrap(createTag(wb, { name: 'Energy', parentId: topics.id }));
  const trade = unwrap(createTag(wb, { name: 'Trade', parentId: null }));
  const security = unwrap(createTag(wb, { name: 'Security', parentId: null }));
  const tokayev = unwrap(createEntity(wb, { type: 'person', name: 'Kassym-Jomart Tokayev', aliases: [], description: '' })).entity;
  const tag = (phrase: string, source: typeof article, tagIds: string[]) =>
    unwrap(updateHighlight(wb, { id: highlight(source, phrase).id, tagIds }));
  // The sample has no blank lines, so each line is a paragraph: these two meet in one paragraph, not one highlight.
  const transport = tag('transportation and energy', article, [energy.id]);
  const volume = tag('raise bilateral trade volume', article, [trade.id]);
  const alone = tag('security, stability, territorial integrity', article, [security.id]);
  // In the report one highlight carries both, and names Tokayev.
  const both = tag('signed agreements on trade and energy', report, [energy.id, trade.id]);
  unwrap(setHighlightEntities(wb, both.id, [tokayev.id]));
  return { ...f, energy, trade, security, tokayev, transport, volume, alone, both };
}

const cellOf = (v: ReturnType<typeof cooccurrenceTable>, row: string, column: string) =>
  v.cells.find((c) => c.row === row && c.column === column);

describe('code co-occurrence', () => {
  it('counts a pair once per unit: highlight, paragraph or source', async () => {
    const { wb, energy, trade, both, transport, volume } = await coded();
    const e = `tag:${energy.id}`;
    const t = `tag:${trade.id}`;
    const byHighlight = cooccurrenceTable(wb, { unit: 'highlight', rows: 'tags', columns: 'tags' });
    expect(cellOf(byHighlight, e, t)).toMatchObject({ count: 1, highlightIds: [both.id] });
    const byParagraph = cooccurrenceTable(wb, { unit: 'paragraph', rows: 'tags', columns: 'tags' });
    expect(cellOf(byParagraph, e, t)).toMatchObject({ count: 2 });
    expect(cellOf(byParagraph, e, t)!.highlightIds.sort()).toEqual([transport.id, volume.id, both.id].sort());
    // Energy and Trade each occur in 2 paragraphs and meet in both: c = 2 / (2 + 2 − 2) = 1.
    expect(cellOf(byParagraph, e, t)!.c).toBe(1);
    const bySource = cooccurrenceTable(wb, { unit: 'source', rows: 'tags', columns: 'tags' });
    expect(cellOf(bySource, e, t)!.count).toBe(2);
    // Never a code with itself, and the table is symmetric.
    expect(cellOf(bySource, e, e)).toBeUndefined();
    expect(cellOf(bySource, t, e)!.count).toBe(2);
    await wb.close();
  });

  it('labels tags by path and entities by name, lists only codes that occur, and keeps codes that meet nothing', async () => {
    const { wb, energy, security, tokayev, both } = await coded();
    const v = cooccurrenceTable(wb, { unit: 'highlight', rows: 'tags', columns: 'entities' });
    // The parent tag "Topics" is on no highlight, so it is no row.
    expect(v.rows.map((r) => r.label)).toEqual(['Security', 'Topics / Energy', 'Trade']);
    expect(v.columns).toEqual([{ key: `entity:${tokayev.id}`, kind: 'entity', id: tokayev.id, label: 'Kassym-Jomart Tokayev', frequency: 1 }]);
    expect(v.rows.find((r) => r.id === security.id)!.frequency).toBe(1);
    expect(cellOf(v, `tag:${security.id}`, `entity:${tokayev.id}`)).toBeUndefined();
    // Energy is on two highlights, Tokayev on one, together on one: c = 1 / (2 + 1 − 1).
    expect(cellOf(v, `tag:${energy.id}`, `entity:${tokayev.id}`)).toMatchObject({ count: 1, c: 0.5, highlightIds: [both.id] });
    expect(v.passages[both.id]).toMatchObject({ exact: 'signed agreements on trade and energy', sourceTitle: 'Tokayev hosts Erdogan' });
    await wb.close();
  });

  it('limits the table to the chosen sources', async () => {
    const { wb, article, energy, trade, tokayev } = await coded();
    const v = cooccurrenceTable(wb, { unit: 'highlight', rows: 'tags', columns: 'tags', sourceIds: [article.id] });
    expect(v.cells).toEqual([]);
    expect(v.rows.map((r) => r.id).sort()).toEqual(expect.arrayContaining([energy.id, trade.id]));
    expect(cooccurrenceTable(wb, { unit: 'source', rows: 'entities', columns: 'entities', sourceIds: [article.id] }).rows
      .some((r) => r.id === tokayev.id)).toBe(false);
    await wb.close();
  });
});
