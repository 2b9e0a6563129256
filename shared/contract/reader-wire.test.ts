/** The compact sources.open reply gives back exactly the reader view, and leaves out only what the text rebuilds. */
import { describe, expect, it } from 'vitest';
import { anchorAll, describeRange } from '../anchoring';
import type { Highlight, Source } from '../domain/types';
import { compactReader, expandReader, type ReaderWire } from './reader-wire';
import type { ReaderView } from './views';

const OLD = 'Alpha beta gamma. The minister said we will support Kazakhstan. Delta epsilon zeta eta theta.';
// "Alpha beta " removed in front: the minister's sentence moves; "Delta epsilon" is gone (its highlight is orphaned).
const TEXT = 'Gamma. The minister said we will support Kazakhstan. Zeta eta theta, and a longer tail of words here.';

const source: Source = {
  id: 's1', kind: 'text', fileName: '', contentHash: 'h', textLength: TEXT.length,
  meta: { title: 'T', authors: [], publisher: '', publishedAt: '', url: '', language: 'en' }, reliability: 'F', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
} as Source;

function highlight(id: string, on: string, phrase: string, extra: Partial<Highlight> = {}, context?: number): Highlight {
  const start = on.indexOf(phrase);
  if (start < 0) throw new Error(`fixture: "${phrase}" is not in the text`);
  const { quote, position } = describeRange(on, start, start + phrase.length, context);
  return {
    id, sourceId: source.id, color: 'yellow', quote, position, tagIds: [], note: '', entityIds: [],
    createdAt: '2026-02-03T04:05:06.789Z', updatedAt: '2026-02-03T04:05:06.789Z', ...extra,
  };
}

/** A view as openSource builds it: highlights anchored on TEXT, ordered by position. */
function view(hs: Highlight[]): ReaderView {
  const anchored = anchorAll(TEXT, hs);
  return {
    source, text: TEXT,
    highlights: hs.map((h, i) => {
      const a = anchored[i]!;
      return { highlight: h, status: a.status, range: a.status === 'orphan' ? null : { start: a.start, end: a.end } };
    }),
  };
}

const viaJson = (w: ReaderWire): ReaderWire => JSON.parse(JSON.stringify(w)) as ReaderWire;

describe('reader wire', () => {
  const exact = highlight('h-exact', TEXT, 'will support Kazakhstan', {
    color: 'pink', tagIds: ['t1', 't2'], entityIds: ['e1'], note: 'key line', updatedAt: '2026-03-04T05:06:07.890Z',
  });
  const moved = highlight('h-moved', OLD, 'minister said', { tagIds: ['t2'], entityIds: ['e1', 'e2'], note: 'moved one' });
  const orphan = highlight('h-orphan', OLD, 'Delta epsilon', { color: 'blue', tagIds: ['t3'], createdAt: 'not an ISO time', updatedAt: 'also not' });
  // Made with a shorter context than the server's: its prefix and suffix are not what the text rebuilds.
  const shortContext = highlight('h-short', TEXT, 'theta', { note: 'n' }, 5);

  it('expand(compact(view)) is the view again for exact, moved and orphaned highlights, through JSON', () => {
    const v = view([exact, moved, orphan, shortContext]);
    expect(v.highlights.map((a) => a.status)).toEqual(['exact', 'moved', 'orphan', 'exact']);
    expect(expandReader(viaJson(compactReader(v)))).toStrictEqual(v);
  });

  it('carries page placements and area highlights of a PDF source, and sends nothing extra for the others', () => {
    const onPage = highlight('h-page', TEXT, 'Gamma', { pdf: { page: 2, rects: [{ x: 0.1, y: 0.2, w: 0.3, h: 0.02 }] } });
    const area: Highlight = {
      ...highlight('h-area', TEXT, 'Gamma'), quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 0 },
      area: { page: 3, rect: { x: 0.5, y: 0.5, w: 0.25, h: 0.25 }, image: { sha256: 'f'.repeat(64), bytes: 10, mediaType: 'image/png' } },
    };
    const v = view([onPage, area, exact]);
    const w = viaJson(compactReader(v));
    expect(expandReader(w)).toStrictEqual(v);
    expect(w.highlights[2]![12]).toBe(0);
  });

  it('sends the quote only where the text cannot rebuild it, and each tag and entity id once', () => {
    const w = compactReader(view([exact, moved, orphan, shortContext]));
    expect(JSON.stringify(w.highlights[0])).not.toContain('Kazakhstan');
    expect(w.highlights[0]![11]).toBe(0);
    // Moved: the stored quote was described on the old text, at a position that now holds other words.
    expect(w.highlights[1]![11]).toEqual([moved.quote.exact, moved.quote.prefix, moved.quote.suffix]);
    expect(w.highlights[2]![11]).toEqual([orphan.quote.exact, orphan.quote.prefix, orphan.quote.suffix]);
    expect(w.highlights[3]![11]).toEqual([null, shortContext.quote.prefix, shortContext.quote.suffix]);
    expect(w.tagIds).toEqual(['t1', 't2', 't3']);
    expect(w.entityIds).toEqual(['e1', 'e2']);
  });

  it('names the highlight and table when a reply points outside a table or leaves out a quote it cannot rebuild', () => {
    const w = viaJson(compactReader(view([exact])));
    w.highlights[0]![6] = [0, 7];
    expect(() => expandReader(w)).toThrow('highlight h-exact refers to tag #7, but there are only 2');
    const w2 = viaJson(compactReader(view([exact])));
    w2.highlights[0]![3] = TEXT.length + 10;
    expect(() => expandReader(w2)).toThrow(`highlight h-exact leaves out its quote, but ${exact.position.start}–${TEXT.length + 10} is not a range of the text`);
  });

  it('refuses to compact a highlight of another source rather than relabel it', () => {
    const v = view([{ ...exact, sourceId: 's2' }]);
    expect(() => compactReader(v)).toThrow('highlight h-exact belongs to source s2, not s1');
  });
});
