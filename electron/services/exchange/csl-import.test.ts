/** CSL-JSON import: items update the details of the source they match (URL, DOI, title); the rest are reported. */
import { afterEach, describe, expect, it } from 'vitest';
import { sampleArticle, tempDir } from '../../../tests/unit/helpers';
import { buildSampleWorkspace, SOURCE_TITLE } from '../../../tests/support/dossier-fixture';
import type { Workbench } from '../workbench/workbench';
import { importText } from '../workbench/sources';
import { exchangeInputOf } from './input';
import { exportCsl } from './references';
import { importCslJson } from './csl-import';

const open: Workbench[] = [];
afterEach(async () => {
  for (const wb of open.splice(0)) await wb.close();
});
async function sample() {
  const a = await buildSampleWorkspace(tempDir(), sampleArticle());
  open.push(a.wb);
  return a;
}

describe('CSL-JSON import', () => {
  it('updates the matched source with the item’s details (by URL however written), in one undoable step, and reports the unmatched', async () => {
    const { wb, sourceId } = await sample();
    const items = [
      {
        id: 'zotero-1', type: 'article-newspaper', title: 'Türkiye will continue to support Kazakhstan (corrected title)',
        URL: 'http://aa.com.tr/en/politics/turkiye-kazakhstan/2708101/#top',
        author: [{ family: 'Erdoğan', given: 'Recep Tayyip' }, { literal: 'Anadolu Agency staff' }],
        'container-title': 'Anadolu Ajansı', issued: { 'date-parts': [[2022, 10]] }, language: 'en-GB',
      },
      { id: 'zotero-2', type: 'book', title: 'A book the workspace does not hold' },
    ];
    const r = importCslJson(wb, JSON.stringify(items));
    expect(r.ok && r.value).toEqual({
      format: 'csl', items: 2, unchanged: 0,
      updated: [{ sourceId, title: 'Türkiye will continue to support Kazakhstan (corrected title)', matchedBy: 'url', fields: ['title', 'authors', 'publisher', 'publishedAt', 'language'] }],
      unmatched: [{ itemId: 'zotero-2', title: 'A book the workspace does not hold', reason: 'no source has this URL, DOI or title' }],
    });
    const meta = wb.state.get('sources', sourceId)!.meta;
    expect(meta).toMatchObject({ authors: ['Recep Tayyip Erdoğan', 'Anadolu Agency staff'], publisher: 'Anadolu Ajansı', publishedAt: '2022-10',
      url: 'https://www.aa.com.tr/en/politics/turkiye-kazakhstan/2708101' });
    wb.step('undo');
    expect(wb.state.get('sources', sourceId)!.meta.title).toBe(SOURCE_TITLE);
  });

  it('matches by title when there is no URL, reports two sources of one title as ambiguous, and counts items that change nothing', async () => {
    const { wb } = await sample();
    const a = await importText(wb, 'First text about the corridor, long enough.', 'Corridor brief');
    const b = await importText(wb, 'Second, different text about the corridor.', 'Corridor brief');
    expect(a.ok && b.ok).toBe(true);
    const ours = JSON.parse(Buffer.from(exportCsl(exchangeInputOf(wb)).dataBase64, 'base64').toString('utf8')) as unknown[];
    const r = importCslJson(wb, JSON.stringify([...ours, { id: 'x', title: 'CORRIDOR BRIEF', publisher: 'Think tank' }]));
    expect(r.ok && r.value).toMatchObject({
      items: 4, updated: [], unchanged: 1,
      unmatched: [
        { itemId: expect.any(String), reason: '2 sources have this title' },
        { itemId: expect.any(String), reason: '2 sources have this title' },
        { itemId: 'x', reason: '2 sources have this title' },
      ],
    });
    expect(wb.state.history.undo.map((t) => t.label)).not.toContain('Import CSL-JSON references');
  });

  it.each([
    ['not JSON', '{', /not valid JSON/],
    ['not a list of items', '{"a": 1}', /expected an array of reference items/],
    ['an item that is not an object', '[1]', /Item 1 is not a CSL-JSON item/],
    ['an item with neither title nor URL', '[{"id": "a", "type": "book"}]', /neither a title nor a URL/],
  ])('refuses %s with nothing changed', async (_n, json, reason) => {
    const { wb } = await sample();
    const before = wb.state.history.undo.length;
    const r = importCslJson(wb, json);
    expect(!r.ok && r.error.code === 'import_rejected' && r.error.message).toMatch(reason);
    expect(wb.state.history.undo).toHaveLength(before);
  });
});
