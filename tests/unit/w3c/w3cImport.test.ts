/** parseW3CAnnotations round-trips the workbench export, reads Hypothesis-style JSON, and rejects bad input clearly. */
import { describe, expect, it } from 'vitest';
import { matchAnnotationsToSource, parseW3CAnnotations, toW3CCollection } from '../../../shared/export';
import type { AnchorFn, MatchableSource, ParsedAnnotation } from '../../../shared/export';
import { HIGHLIGHTS, SOURCES, TAGS, TEXT_BY_SOURCE } from './fixtures';

const exported = toW3CCollection({
  workspaceId: 'ws-1', label: 'Round trip', baseIri: 'urn:workbench:ws-1', sources: SOURCES,
  highlights: HIGHLIGHTS, tags: TAGS, generatedAt: '2024-06-01T12:00:00.000Z',
});
const json: unknown = JSON.parse(JSON.stringify(exported));

function parsedOrThrow(input: unknown): ParsedAnnotation[] {
  const result = parseW3CAnnotations(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const messageOf = (input: unknown): string => {
  const result = parseW3CAnnotations(input);
  return result.ok ? 'unexpectedly ok' : result.error.message;
};

/** Stand-in for shared/anchoring: exact at the hinted offset, else the first occurrence ("moved"). */
const simpleAnchor: AnchorFn = (text, { quote, position }) => {
  if (position && text.slice(position.start, position.end) === quote.exact) return { status: 'exact', ...position };
  const at = text.indexOf(quote.exact);
  return at < 0 ? { status: 'orphan', start: 0, end: 0 } : { status: 'moved', start: at, end: at + quote.exact.length };
};

const matchable: MatchableSource[] = SOURCES.map((s) => ({
  id: s.id, url: s.meta.url, contentHash: s.contentHash, text: TEXT_BY_SOURCE[s.id] ?? '',
}));

describe('parseW3CAnnotations: round trip of the export', () => {
  const parsed = parsedOrThrow(json);
  const exportedHighlights = HIGHLIGHTS.filter((h) => h.sourceId !== 'src-deleted');
  const tagsById = new Map(TAGS.map((t) => [t.id, t]));
  const pathOf = (id: string): string => {
    const tag = tagsById.get(id);
    const parent = tag?.parentId ? tagsById.get(tag.parentId) : undefined;
    return parent ? `${parent.name}/${tag?.name}` : (tag?.name ?? '');
  };

  it('gives back every highlight with its quote, position, tags, note, colour and date', () => {
    expect(parsed).toHaveLength(exportedHighlights.length);
    for (const h of exportedHighlights) {
      const p = parsed.find((a) => a.id === `urn:workbench:ws-1:annotation:${h.id}`);
      expect(p, h.id).toBeDefined();
      expect(p?.quote).toEqual({ exact: h.quote.exact, prefix: h.quote.prefix, suffix: h.quote.suffix });
      expect(p?.position).toEqual({ start: h.position.start, end: h.position.end });
      expect(p?.tags).toEqual(h.tagIds.map(pathOf));
      expect(p?.note).toBe(h.note);
      expect(p?.color).toBe(h.color);
      expect(p?.created).toBe(h.createdAt);
    }
  });

  it('lists the URL and the snapshot hash of URL sources', () => {
    const p = parsed.find((a) => a.id?.endsWith(':h-quote'));
    expect(p?.sources).toEqual([
      'https://www.example-news.com/2024/05/erdo%C4%9Fan-t%C3%BCrkiye?ref=rss#top',
      `urn:sha256:${SOURCES[0]?.contentHash}`,
    ]);
  });

  it('accepts the page, the bare array and a single annotation as well', () => {
    const page = (json as { first: { items: unknown[] } }).first;
    expect(parsedOrThrow(page)).toEqual(parsed);
    expect(parsedOrThrow(page.items)).toEqual(parsed);
    expect(parsedOrThrow(page.items[1])).toEqual([parsed[1]]);
    expect(parsedOrThrow({ type: 'AnnotationCollection', items: page.items })).toEqual(parsed);
  });

  it('follows embedded next pages', () => {
    const items = (json as { first: { items: unknown[] } }).first.items;
    const chained = {
      type: 'AnnotationCollection', id: 'urn:x:c',
      first: { type: 'AnnotationPage', items: items.slice(0, 3), next: { type: 'AnnotationPage', items: items.slice(3) } },
    };
    expect(parsedOrThrow(chained)).toEqual(parsed);
  });
});

describe('parseW3CAnnotations: other producers', () => {
  it('reads a Hypothesis API annotation (tags, text, uri, mixed selectors)', () => {
    const hypothesis = {
      id: 'Zq3xYk5pEe-abc', created: '2024-05-04T09:30:12.000000+00:00', updated: '2024-05-04T09:31:00.000000+00:00',
      user: 'acct:ayse@hypothes.is', uri: 'https://www.example-news.com/2024/05/erdoğan-türkiye?ref=rss',
      text: 'Key line — check the "official" transcript.', tags: ['Türkiye', 'energy', 'Türkiye'], group: '__world__',
      target: [{
        source: 'https://www.example-news.com/2024/05/erdoğan-türkiye?ref=rss',
        selector: [
          { type: 'RangeSelector', startContainer: '/div[1]/p[1]', startOffset: 40, endContainer: '/div[1]/p[1]', endOffset: 70 },
          { type: 'TextPositionSelector', start: 75, end: 104 },
          { type: 'TextQuoteSelector', exact: '"Türkiye will not step back"', prefix: 'said on Tuesday that ', suffix: ' from the pipeline' },
        ],
      }],
      document: { title: ['Erdoğan on the pipeline'] },
    };
    const [p] = parsedOrThrow(hypothesis);
    expect(p).toEqual({
      id: 'Zq3xYk5pEe-abc',
      sources: ['https://www.example-news.com/2024/05/erdoğan-türkiye?ref=rss'],
      quote: { exact: '"Türkiye will not step back"', prefix: 'said on Tuesday that ', suffix: ' from the pipeline' },
      position: { start: 75, end: 104 },
      tags: ['Türkiye', 'energy'],
      note: 'Key line — check the "official" transcript.',
      created: '2024-05-04T09:30:12.000000+00:00',
      color: null,
    });
    // Its raw, un-encoded URL still names the workbench source (URLs are compared canonically, without fragment).
    const { attached } = matchAnnotationsToSource([p as ParsedAnnotation], matchable, {}, simpleAnchor);
    expect(attached.map((a) => [a.sourceId, a.status])).toEqual([['src-news', 'moved']]);
  });

  it('reads bodyValue, unpurposed bodies under a tagging motivation, and External Web Resource targets', () => {
    const [commented, tagged] = parsedOrThrow([
      { id: 'urn:a:1', type: 'Annotation', bodyValue: 'Plain comment', target: 'https://example.org/page' },
      { id: 'urn:a:2', type: 'Annotation', motivation: 'tagging', body: { type: 'TextualBody', value: 'love' },
        target: { id: 'https://example.org/doc', type: 'Text' } },
    ]);
    expect(commented?.note).toBe('Plain comment');
    expect(commented?.sources).toEqual(['https://example.org/page']);
    expect(commented?.quote).toBeNull();
    expect(tagged?.tags).toEqual(['love']);
    expect(tagged?.note).toBe('');
    expect(tagged?.sources).toEqual(['https://example.org/doc']);
  });
});

describe('parseW3CAnnotations: rejections', () => {
  it.each([
    ['a string', 'hello', /JSON object or array.*got string/],
    ['null', null, /got null/],
    ['a number', 42, /got number/],
    ['an empty array', [], /No annotations found/],
    ['an empty page', { type: 'AnnotationPage', items: [] }, /No annotations found/],
    ['a collection with only linked pages', { type: 'AnnotationCollection', first: 'http://example.org/page1' }, /only a link \(http:\/\/example\.org\/page1\)/],
    ['a collection without pages', { type: 'AnnotationCollection', total: 3 }, /no embedded "first" page/],
    ['an annotation without target', { id: 'urn:a:9', type: 'Annotation', bodyValue: 'x' }, /Annotation #1 \(urn:a:9\) has no target/],
    ['a non-object item', [{ id: 'urn:a:1', target: 'urn:x:1' }, 7], /Annotation #2 is not a JSON object/],
    ['a target without source', { id: 'urn:a:3', target: { selector: { type: 'TextQuoteSelector', exact: 'x' } } }, /urn:a:3.*target without a source IRI/],
    ['page items that are not an array', { type: 'AnnotationPage', items: 'nope' }, /"items" must be an array/],
  ])('rejects %s', (_name, input, message) => {
    expect(messageOf(input)).toMatch(message);
  });
});

describe('matchAnnotationsToSource', () => {
  const parsed = parsedOrThrow(json);

  it('attaches every exported annotation to its own source at the same offsets', () => {
    const { attached, orphans } = matchAnnotationsToSource(parsed, matchable, {}, simpleAnchor);
    expect(orphans).toEqual([]);
    for (const a of attached) {
      const h = HIGHLIGHTS.find((x) => a.annotation.id?.endsWith(`:${x.id}`));
      expect({ sourceId: a.sourceId, start: a.start, end: a.end, status: a.status }).toEqual({
        sourceId: h?.sourceId, start: h?.position.start, end: h?.position.end, status: 'exact',
      });
    }
  });

  it('matches by URL when the snapshot hash differs (edited text -> moved)', () => {
    const edited = matchable.map((s) => (s.id === 'src-news' ? { ...s, contentHash: 'f'.repeat(64), text: `UPDATE: ${s.text}` } : s));
    const quote = parsed.filter((p) => p.id?.endsWith(':h-quote'));
    const { attached } = matchAnnotationsToSource(quote, edited, {}, simpleAnchor);
    const original = HIGHLIGHTS.find((h) => h.id === 'h-quote')?.position.start ?? -1;
    expect(attached.map((a) => [a.sourceId, a.status, a.start])).toEqual([['src-news', 'moved', original + 'UPDATE: '.length]]);
  });

  it('falls back to a quote search, and names the reason for orphans', () => {
    const foreign: ParsedAnnotation[] = [
      { id: 'x1', sources: ['https://elsewhere.example/a'], quote: { exact: 'same plates.', prefix: '', suffix: '' }, position: null, tags: [], note: '', created: null, color: null },
      { id: 'x2', sources: ['https://elsewhere.example/b'], quote: { exact: 'never written', prefix: '', suffix: '' }, position: null, tags: [], note: '', created: null, color: null },
    ];
    const { attached, orphans } = matchAnnotationsToSource(foreign, matchable, {}, simpleAnchor);
    expect(attached.map((a) => [a.annotation.id, a.sourceId])).toEqual([['x1', 'src-pasted']]);
    expect(orphans.map((o) => o.reason)).toEqual([
      'no source with URL https://elsewhere.example/b, and quote "never written" not found in any of 3 sources',
    ]);
  });

  it('honours a forced source id, orphaning quotes it does not contain', () => {
    const { attached, orphans } = matchAnnotationsToSource(parsed, matchable, { sourceId: 'src-pasted' }, simpleAnchor);
    expect(attached.map((a) => a.annotation.id?.split(':').pop())).toEqual(['h-curly', 'h-end']);
    expect(orphans).toHaveLength(6);
    expect(orphans[0]?.reason).toBe('quote "ANKARA" not found in source src-pasted');
    const missing = matchAnnotationsToSource(parsed.slice(0, 1), matchable, { sourceId: 'nope' }, simpleAnchor);
    expect(missing.orphans[0]?.reason).toBe('no source with id nope');
  });
});
