/** W3C export of highlights on PDF pages: the page FragmentSelector (RFC 3778/8118) beside the text selectors, the musts, and the import back. */
import { afterEach, describe, expect, it } from 'vitest';
import { parseW3CAnnotations, toW3CCollection, type W3CAnnotation, type W3CAnnotationCollection } from '../../../shared/export';
import { tempDir } from '../helpers';
import { exportAnnotationsW3C, importAnnotationsW3C } from '../../../electron/services/export/annotations';
import type { Workbench } from '../../../electron/services/workbench/workbench';
import { PAGED_TEXT, pagedHighlights, pagedSource } from '../../support/paged-source-fixture';
import { buildPagedWorkspace } from '../../support/paged-workspace';
import { loadMusts } from './mustsHarness';

const annotationMusts = loadMusts('annotations/annotationMusts.test');
const collectionMusts = loadMusts('collections/collectionMusts.test');
const RFC3778 = 'http://tools.ietf.org/rfc/rfc3778';

const open: Workbench[] = [];
afterEach(async () => {
  for (const wb of open.splice(0)) await wb.close();
});

const selectorsOf = (items: W3CAnnotation[], highlightId: string) => {
  const a = items.find((x) => x.id.endsWith(`:${highlightId}`));
  if (!a) throw new Error(`no annotation for ${highlightId}`);
  return a.target.selector as unknown as Array<Record<string, unknown>>;
};

function pureExport(source = pagedSource()) {
  const h = pagedHighlights(source, PAGED_TEXT, { sha256: 'e'.repeat(64), bytes: 70, mediaType: 'image/png' });
  return toW3CCollection({
    workspaceId: 'ws', label: 'PDF', baseIri: 'urn:workbench:ws', sources: [source], highlights: Object.values(h), tags: [],
    generatedAt: '2026-03-04T05:06:07.000Z',
  }).first!.items;
}

describe('W3C export of highlights on PDF pages', () => {
  it('adds page=N and, for a highlight with rects, the viewrect in points (union of its rects × page size) after the text selectors', () => {
    const items = pureExport();
    // p. 2 is 612 × 792 pt; rects x 0.1, y 0.2–0.24, w 0.3 → 61.2, 158.4, 183.6, 31.68.
    expect(selectorsOf(items, 'h-page2')).toEqual([
      expect.objectContaining({ type: 'TextQuoteSelector', exact: 'Türkiye backs Kazakhstan' }),
      expect.objectContaining({ type: 'TextPositionSelector' }),
      { type: 'FragmentSelector', conformsTo: RFC3778, value: 'page=2&viewrect=61.2,158.4,183.6,31.68' },
    ]);
    expect(selectorsOf(items, 'h-page1')[2]).toEqual({ type: 'FragmentSelector', conformsTo: RFC3778, value: 'page=1' });
    // A passage over a page break is named by the page it starts on.
    expect(selectorsOf(items, 'h-break')[2]).toEqual({ type: 'FragmentSelector', conformsTo: RFC3778, value: 'page=2' });
  });

  it('exports an area highlight as the page fragment with its viewrect only: no empty text selectors', () => {
    // p. 3 is landscape, 842 × 595 pt; the area is x 0.1, y 0.5, w 0.5, h 0.25.
    expect(selectorsOf(pureExport(), 'h-area')).toEqual([
      { type: 'FragmentSelector', conformsTo: RFC3778, value: 'page=3&viewrect=84.2,297.5,421,148.75' },
    ]);
  });

  it('a source without a page map exports text selectors only, as before', () => {
    const items = pureExport(pagedSource(PAGED_TEXT, { pdf: undefined }));
    expect(selectorsOf(items, 'h-page2').map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(selectorsOf(items, 'h-area')).toEqual([{ type: 'FragmentSelector', conformsTo: RFC3778, value: 'page=3' }]);
  });

  it('a real export of a workspace with a paged PDF passes every annotation must and the collection musts', async () => {
    const ws = await buildPagedWorkspace(tempDir());
    open.push(ws.wb);
    const file = exportAnnotationsW3C(ws.wb);
    const collection = JSON.parse(Buffer.from(file.dataBase64, 'base64').toString('utf8')) as W3CAnnotationCollection;
    const items = collection.first?.items ?? [];
    expect(items).toHaveLength(4);
    const kinds = items.map((a) => a.target.selector.map((s) => s.type).join('+')).sort();
    expect(kinds).toEqual([
      'FragmentSelector',
      'TextQuoteSelector+TextPositionSelector+FragmentSelector',
      'TextQuoteSelector+TextPositionSelector+FragmentSelector',
      'TextQuoteSelector+TextPositionSelector+FragmentSelector',
    ]);
    for (const a of items) expect(annotationMusts.check(a), a.id).toEqual([]);
    expect(collectionMusts.check(collection)).toEqual([]);
  });

  it('the musts catch a broken page fragment (a FragmentSelector without its value), so the check above can fail', () => {
    const [a] = pureExport().filter((x) => x.id.endsWith(':h-area'));
    const broken = JSON.parse(JSON.stringify(a)) as { target: { selector: Array<Record<string, unknown>> } };
    delete broken.target.selector[0]!.value;
    expect(annotationMusts.check(broken).length).toBeGreaterThan(0);
  });
});

describe('W3C import of annotations on PDF pages', () => {
  it('parses the page fragment and anchors text by the text selectors; an area annotation is an orphan with its reason', () => {
    const parsed = parseW3CAnnotations(JSON.parse(JSON.stringify(pureExport())));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const byId = (id: string) => parsed.value.find((p) => p.id?.endsWith(`:${id}`))!;
    expect(byId('h-page2').pdfPage).toEqual({ page: 2, viewrect: [61.2, 158.4, 183.6, 31.68] });
    expect(byId('h-page2').quote?.exact).toBe('Türkiye backs Kazakhstan');
    expect(byId('h-area')).toMatchObject({ quote: null, position: null, pdfPage: { page: 3, viewrect: [84.2, 297.5, 421, 148.75] } });
  });

  it('round trip: the three text highlights come back at the same places, the area is reported, nothing crashes', async () => {
    const from = await buildPagedWorkspace(tempDir());
    const into = await buildPagedWorkspace(tempDir(), { records: false });
    open.push(from.wb, into.wb);
    const json = Buffer.from(exportAnnotationsW3C(from.wb).dataBase64, 'base64').toString('utf8');
    const r = importAnnotationsW3C(into.wb, json);
    if (!r.ok) throw new Error(r.error.message);
    const got = into.wb.state.all('highlights').map((h) => [h.quote.exact, h.position.start, h.position.end]).sort();
    const want = [from.h.page2, from.h.overBreak, from.h.page1].map((h) => [h.quote.exact, h.position.start, h.position.end]).sort();
    expect(got).toEqual(want);
    expect(r.value.attached).toBe(3);
    expect(r.value.orphans).toEqual([{
      annotationId: expect.stringMatching(/:h-area$/), quote: 'Area on p. 3',
      reason: 'area of p. 3 (84.2, 297.5, 421, 148.75 pt) has no text to anchor: area highlights are not imported; draw it again in the page view',
    }]);
  });
});
