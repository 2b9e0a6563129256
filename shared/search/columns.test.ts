/** Tests: the compact document table (typed columns, interning, list arena, derived labels, per-kind record map). */
import { describe, expect, it } from 'vitest';
import { makeClaim, makeDossier, makeEntity, makeHighlight } from '../../tests/support/search-fixtures';
import { IntColumn, Interner, ListArena } from './columns';
import { DocStore, labelRef } from './doc-store';
import { RecordMap } from './record-map';
import { claimDoc, dossierDoc, entityDoc, highlightDoc } from './records';
import type { DocView, IndexedDoc } from './types';

describe('columns', () => {
  it('an IntColumn grows to any id and reads unset cells as its fill value', () => {
    const c = new IntColumn(-1, 4);
    c.set(2, 7);
    c.set(5000, 9);
    expect([c.get(2), c.get(5000), c.get(4999), c.get(10 ** 6)]).toEqual([7, 9, -1, -1]);
  });

  it('the interner hands out one int per distinct string and finds only what it has seen', () => {
    const i = new Interner();
    expect([i.intern('a'), i.intern('b'), i.intern('a')]).toEqual([0, 1, 0]);
    expect([i.find('b'), i.find('zzz'), i.value(1)]).toEqual([1, -1, 'b']);
  });

  it('the list arena reclaims replaced lists instead of growing for ever', () => {
    const arena = new ListArena();
    for (let owner = 1; owner <= 1000; owner++) arena.set(owner, [owner, owner + 1]);
    const bytes = arena.bytes;
    // Every list replaced 50 times over: without compaction the arena would hold 100,000 cells.
    for (let round = 0; round < 50; round++) for (let owner = 1; owner <= 1000; owner++) arena.set(owner, [round, owner, 3]);
    expect(arena.liveCells).toBe(3000);
    expect(arena.bytes).toBeLessThanOrEqual(bytes * 4);
    expect(arena.get(7)).toEqual([49, 7, 3]);
    arena.clear(7);
    expect(arena.get(7)).toEqual([]);
    const only = (v: number) => { const bits = new Uint8Array(10_000); bits[v] = 1; return bits; };
    expect(arena.some(8, only(8))).toBe(true);
    expect(arena.some(8, only(9))).toBe(false);
  });
});

const TEXT = 'Türkiye will support the territorial integrity of Kazakhstan, President Erdoğan said in Astana on Wednesday.';
const docs: IndexedDoc[] = [
  highlightDoc(makeHighlight('h1', 's1', TEXT, 0, 60, { note: 'A note\nover lines', tagIds: ['t1', 't2', 't1'], entityIds: ['e1'], createdAt: '2022-10-13T09:00:00.000Z' }), ['One', 'Two']),
  highlightDoc(makeHighlight('h2', 's1', TEXT, 10, TEXT.length), []),
  claimDoc(makeClaim('c1', `${TEXT} ${TEXT}`, { evidenceHighlightIds: ['h1'], claimantId: 'e1', claimedAt: '2022' }), { claimant: { name: 'Erdoğan', aliases: ['RTE'] }, about: [] }),
  entityDoc(makeEntity('e1', 'Recep Tayyip Erdoğan', { aliases: ['RTE'], description: 'President.' })),
  dossierDoc(makeDossier('d1', '')),
  { kind: 'source', recordId: 's1', title: 'Title', tags: '', body: TEXT, label: '', sourceId: 's1', start: 0, end: TEXT.length, date: '2022-10-12', tagIds: [], entityIds: [] },
];

/** Every field a search reads, whether the view is a plain object or a lazy one. */
const fields = (d: DocView | undefined) => d && {
  kind: d.kind, recordId: d.recordId, title: d.title, tags: d.tags, body: d.body, date: d.date, tagIds: d.tagIds, entityIds: d.entityIds,
  sourceId: d.sourceId, start: d.start, end: d.end, evidenceHighlightIds: d.evidenceHighlightIds, parties: d.parties,
};

describe('document store', () => {
  it('reads back every field of every kind exactly, with the label derived or kept', () => {
    const store = new DocStore();
    docs.forEach((d, i) => store.put(i + 1, { ...d, label: labelRef(d) }));
    docs.forEach((d, i) => {
      const { label, quoteLength: _q, ...view } = d;
      expect(store.plain(i + 1)).toEqual(view);
      expect(fields(store.get(i + 1))).toEqual(fields(view));
      expect(store.label(i + 1)).toBe(label);
    });
    // Highlights and claims keep no label text: it is derived from the body (the highlight's quote only).
    expect(labelRef(docs[0]!)).toBe(60);
    expect(labelRef(docs[2]!)).toBe(docs[2]!.body.length);
    expect(labelRef(docs[3]!)).toBe('Recep Tayyip Erdoğan');
    expect(store.size).toBe(docs.length);
  });

  it('forgets a deleted document, and stores a replacement in place', () => {
    const store = new DocStore();
    store.put(3, { ...docs[0]!, label: labelRef(docs[0]!) });
    store.put(3, { ...docs[1]!, label: labelRef(docs[1]!) });
    expect(store.get(3)?.recordId).toBe('h2');
    expect(store.size).toBe(1);
    store.delete(3);
    expect([store.get(3), store.size, [...store.docIds()]]).toEqual([undefined, 0, []]);
  });
});

describe('record map', () => {
  it('keeps one document per highlight and the passages of a source in order', () => {
    const records = new RecordMap();
    records.set('highlight', 'h1', [5]);
    records.push('source', 's1', 1);
    records.push('source', 's1', 2);
    expect([records.get('highlight', 'h1'), records.first('source', 's1'), records.get('source', 's1')]).toEqual([[5], 1, [1, 2]]);
    expect(records.has('claim', 'h1')).toBe(false);
    expect(() => records.set('claim', 'c1', [1, 2])).toThrow(/exactly one document/);
    records.delete('highlight', 'h1');
    expect(records.counts()).toEqual({ source: 1, highlight: 0, claim: 0, entity: 0, dossier: 0 });
  });
});
