/** W3C annotations through the services (export -> import into a fresh workspace) and GraphML that parses back. */
import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleArticle, tempDir } from '../../../tests/unit/helpers';
import { Workbench } from '../workbench/workbench';
import { importFile } from '../workbench/sources';
import { updateHighlight } from '../workbench/highlights';
import { createTag, tagPath } from '../workbench/tags';
import { buildSampleWorkspace } from '../../../tests/support/dossier-fixture';
import { exportAnnotationsW3C, exportGraphML, importAnnotationsW3C } from './annotations';

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const decode = (b64: string): string => Buffer.from(b64, 'base64').toString('utf8');
const open: Workbench[] = [];
afterEach(async () => {
  for (const wb of open.splice(0)) await wb.close();
});

async function freshWithSample() {
  const wb = await Workbench.open(tempDir());
  open.push(wb);
  const source = must(await importFile(wb, 'copy-of-article.txt', sampleArticle())).source;
  return { wb, sourceId: source.id };
}

/** What must survive the round trip, independent of ids. */
function highlightFacts(wb: Workbench) {
  return wb.state.all('highlights')
    .map((h) => ({ start: h.position.start, end: h.position.end, exact: h.quote.exact, note: h.note, color: h.color,
      tags: h.tagIds.map((t) => tagPath(wb.state, wb.state.get('tags', t)!)).sort() }))
    .sort((a, b) => a.start - b.start);
}

describe('W3C annotations round trip', () => {
  it('exports every highlight and imports them into a fresh workspace as the same highlights, in one undoable step', async () => {
    const a = await buildSampleWorkspace(tempDir(), sampleArticle());
    open.push(a.wb);
    const region = must(createTag(a.wb, { name: 'Region', parentId: null }));
    const tr = must(createTag(a.wb, { name: 'Türkiye', parentId: region.id }));
    must(updateHighlight(a.wb, { id: a.h.support, tagIds: [tr.id], note: 'Key commitment — Erdoğan' }));
    must(updateHighlight(a.wb, { id: a.h.ceasefire, color: 'pink' }));
    const file = exportAnnotationsW3C(a.wb);
    expect(file).toMatchObject({ fileName: 'annotations.jsonld', mimeType: 'application/ld+json' });
    const json = decode(file.dataBase64);
    expect(JSON.parse(json)).toMatchObject({ type: 'AnnotationCollection', total: 3 });

    const b = await freshWithSample();
    const historyBefore = b.wb.state.history.undo.length;
    const report = must(importAnnotationsW3C(b.wb, json));
    expect(report).toEqual({ attached: 3, duplicates: 0, orphans: [] });
    expect(highlightFacts(b.wb)).toEqual(highlightFacts(a.wb));
    expect(b.wb.state.history.undo.length).toBe(historyBefore + 1);

    // The same file again: every annotation is already there.
    expect(must(importAnnotationsW3C(b.wb, json))).toEqual({ attached: 0, duplicates: 3, orphans: [] });
    expect(b.wb.state.count('highlights')).toBe(3);

    must(b.wb.step('undo'));
    expect(b.wb.state.count('highlights')).toBe(0);
    expect(b.wb.state.count('tags')).toBe(0);
  });

  it('rejects invalid input with a clear message and changes nothing', async () => {
    const b = await freshWithSample();
    const before = JSON.stringify(b.wb.state.toJson());
    const notJson = importAnnotationsW3C(b.wb, '{"type": "AnnotationCollection", ');
    expect(notJson.ok || notJson.error).toMatchObject({ code: 'import_rejected', message: expect.stringContaining('not valid JSON') });
    const notAnnotations = importAnnotationsW3C(b.wb, '{"hello": "world"}');
    expect(notAnnotations.ok || notAnnotations.error).toMatchObject({ code: 'import_rejected', message: expect.stringContaining('no target') });
    const unknownSource = importAnnotationsW3C(b.wb, '[]', 'no-such-source');
    expect(unknownSource.ok).toBe(false);
    expect(JSON.stringify(b.wb.state.toJson())).toBe(before);
  });

  it('reports an annotation whose quote is nowhere as an orphan with a reason', async () => {
    const b = await freshWithSample();
    const orphan = {
      '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:x:1', type: 'Annotation',
      target: { source: 'https://example.org/elsewhere', selector: { type: 'TextQuoteSelector', exact: 'words that are not in the article' } },
    };
    const report = must(importAnnotationsW3C(b.wb, JSON.stringify(orphan), b.sourceId));
    expect(report.attached).toBe(0);
    expect(report.orphans).toEqual([{ annotationId: 'urn:x:1', quote: 'words that are not in the article', reason: expect.stringContaining('not found') }]);
  });
});

describe('GraphML export', () => {
  it('parses back with every entity and relationship', async () => {
    const a = await buildSampleWorkspace(tempDir(), sampleArticle());
    open.push(a.wb);
    const file = exportGraphML(a.wb);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(decode(file.dataBase64));
    const graph = doc.graphml.graph;
    const nodes = [graph.node].flat();
    const edges = [graph.edge].flat();
    expect(nodes).toHaveLength(a.wb.state.count('entities'));
    expect(edges).toHaveLength(a.wb.state.count('relationships'));
    const labels = nodes.map((n: { data: Array<{ '@key': string; '#text': string }> }) => [n.data].flat().find((d) => d['@key'] === 'n_label')?.['#text']);
    expect(labels).toEqual(expect.arrayContaining(['Türkiye', 'Kazakhstan', 'Mevlüt Çavuşoğlu']));
    expect(edges.find((e: { '@source': string; '@target': string }) => e['@source'] === a.e.tr.id && e['@target'] === a.e.kz.id)).toBeDefined();
  });
});
