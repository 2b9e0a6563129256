/** Every annotation the workbench exports passes every W3C "must"; the collection and page pass theirs. */
import { describe, expect, it } from 'vitest';
import { toW3CAnnotation, toW3CCollection } from '../../../shared/export';
import type { W3CAnnotation, W3CAnnotationCollection } from '../../../shared/export';
import type { W3CTextPositionSelector, W3CTextQuoteSelector } from '../../../shared/export/w3cModel';
import { HIGHLIGHTS, SOURCES, TAGS } from './fixtures';
import { loadMusts } from './mustsHarness';

const annotationMusts = loadMusts('annotations/annotationMusts.test');
const collectionMusts = loadMusts('collections/collectionMusts.test');
const pageMusts = loadMusts('collections/pages/pageMusts.test');

const collection: W3CAnnotationCollection = toW3CCollection({
  workspaceId: 'ws-1',
  label: 'Pipeline dossier — Türkiye',
  baseIri: 'urn:workbench:ws-1',
  sources: SOURCES,
  highlights: HIGHLIGHTS,
  tags: TAGS,
  generatedAt: '2024-06-01T12:00:00.000Z',
  creator: { name: 'Analyst Ünal 🕵️' },
});
const items: W3CAnnotation[] = collection.first?.items ?? [];
const byId = (highlightId: string): W3CAnnotation => {
  const found = items.find((a) => a.id === `urn:workbench:ws-1:annotation:${highlightId}`);
  if (!found) throw new Error(`no annotation for ${highlightId}`);
  return found;
};
// What a consumer receives: the JSON text, not our objects.
const roundTripped = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('toW3CCollection', () => {
  it('exports every highlight whose source is known, in a stable order', () => {
    expect(collection.total).toBe(8);
    expect(items).toHaveLength(8);
    expect(items.map((a) => a.id.split(':').pop())).toEqual([
      'h-start', 'h-quote', 'h-multiline', 'h-emoji', 'h-amp', 'h-curly', 'h-end', 'h-report',
    ]);
  });

  it('every exported annotation passes every must', () => {
    for (const annotation of roundTripped(items)) {
      expect(annotationMusts.check(annotation), annotation.id).toEqual([]);
    }
  });

  it('toW3CAnnotation alone passes every must, also without a creator', () => {
    const tagsById = new Map(TAGS.map((t) => [t.id, t] as const));
    const h = HIGHLIGHTS[0];
    const source = SOURCES[0];
    if (!h || !source) throw new Error('fixture');
    const single = toW3CAnnotation(h, { baseIri: 'https://workbench.example/ws/1/', source, tagsById });
    expect(single.id).toBe('https://workbench.example/ws/1/annotation/h-start');
    expect(single['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(annotationMusts.check(roundTripped(single))).toEqual([]);
  });

  it('the collection passes the collection musts and its embedded page the page musts', () => {
    expect(collectionMusts.check(roundTripped(collection))).toEqual([]);
    expect(pageMusts.check(roundTripped(collection))).toEqual([]);
    const page = { '@context': collection['@context'], ...collection.first };
    expect(pageMusts.check(roundTripped(page))).toEqual([]);
    expect(collection.label).toBe('Pipeline dossier — Türkiye');
    expect(collection.last).toBe(collection.first?.id);
  });

  it('an empty workspace gives a valid collection without pages', () => {
    const empty = toW3CCollection({
      workspaceId: 'ws-2', label: '', baseIri: 'urn:workbench:ws-2', sources: [], highlights: [], tags: [],
      generatedAt: '2024-06-01T12:00:00.000Z',
    });
    expect(empty.total).toBe(0);
    expect(empty.first).toBeUndefined();
    expect(empty.label).toBe('Highlights of workspace ws-2');
    expect(collectionMusts.check(roundTripped(empty))).toEqual([]);
  });
});

describe('exported annotation shape', () => {
  it('targets an http(s) source by its encoded URL and names the text snapshot by hash', () => {
    const a = byId('h-quote');
    expect(a.target.source).toBe('https://www.example-news.com/2024/05/erdo%C4%9Fan-t%C3%BCrkiye?ref=rss#top');
    expect(a.target.state).toEqual({
      type: 'TimeState',
      cached: `urn:sha256:${SOURCES[0]?.contentHash}`,
      sourceDate: SOURCES[0]?.createdAt,
    });
  });

  it('targets sources without an http(s) URL by urn:sha256 and adds no state', () => {
    for (const [id, src] of [['h-curly', SOURCES[1]], ['h-report', SOURCES[2]]] as const) {
      expect(byId(id).target.source).toBe(`urn:sha256:${src?.contentHash}`);
      expect(byId(id).target.state).toBeUndefined();
    }
  });

  it('carries the quote and position selectors unchanged (quotes, newlines, emoji)', () => {
    for (const h of HIGHLIGHTS.filter((x) => x.sourceId !== 'src-deleted')) {
      const [quote, position] = byId(h.id).target.selector as [W3CTextQuoteSelector, W3CTextPositionSelector];
      expect(quote.exact).toBe(h.quote.exact);
      expect(quote.prefix ?? '').toBe(h.quote.prefix);
      expect(quote.suffix ?? '').toBe(h.quote.suffix);
      expect(position).toEqual({ type: 'TextPositionSelector', start: h.position.start, end: h.position.end });
    }
    expect((byId('h-start').target.selector[0] as W3CTextQuoteSelector).prefix).toBeUndefined();
  });

  it('turns tags (as paths) and notes into bodies and picks the motivation', () => {
    expect(byId('h-quote').body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'Region/Türkiye' },
      { type: 'TextualBody', purpose: 'tagging', value: 'Person/Erdoğan' },
      {
        type: 'TextualBody', purpose: 'commenting', format: 'text/plain',
        value: 'Compare with the 2023 statement.\nSee "Hürriyet" piece — & the <original> wording.',
      },
    ]);
    expect(byId('h-quote').motivation).toBe('commenting');
    expect(byId('h-multiline').motivation).toBe('tagging');
    expect(byId('h-start').motivation).toBe('highlighting');
    expect(byId('h-start').body).toBeUndefined();
  });

  it('keeps the colour as a styleClass with an embedded CSS stylesheet', () => {
    const a = byId('h-emoji');
    expect(a.target.styleClass).toBe('workbench-highlight-green');
    expect(a.stylesheet?.type).toBe('CssStylesheet');
    expect(a.stylesheet?.value).toContain('.workbench-highlight-green {');
  });

  it('records lifecycle, creator and generator', () => {
    const a = byId('h-end');
    expect(a.created).toBe('2024-05-02T08:15:00.000Z');
    expect(a.modified).toBe('2024-05-03T17:42:10.123Z');
    expect(a.generated).toBe('2024-06-01T12:00:00.000Z');
    expect(a.creator).toEqual({ type: 'Person', name: 'Analyst Ünal 🕵️' });
    expect(a.generator).toEqual({ type: 'Software', name: 'Analyst Workbench' });
  });
});

describe('musts catch broken exports', () => {
  const base = roundTripped(byId('h-quote')) as unknown as Record<string, unknown>;
  const failuresOf = (doc: unknown): string[] => annotationMusts.check(doc).map((f) => f.assertion.split('/').pop() ?? '');

  it.each([
    ['no target', { target: undefined }, '3.1-targetKeyFound.json'],
    ['id not a URI', { id: 'h quote' }, '3.1-annotationIdValidated.json'],
    ['bad created date', { created: '2024-13-45' }, '3.3.1-annotationCreatedValidated.json'],
    ['body and bodyValue', { bodyValue: 'x' }, '3.2.5-notBodyBodyValue.json'],
    ['wrong context', { '@context': 'http://example.org/ctx' }, '3.1-annotationContextValidated.json'],
  ])('%s', (_name, patch, assertion) => {
    expect(failuresOf(roundTripped({ ...base, ...patch }))).toContain(assertion);
  });

  it('an un-encoded non-ASCII URL as target source (why the export normalises URLs)', () => {
    const target = base.target as Record<string, unknown>;
    const raw = { ...base, target: { ...target, source: 'https://www.example-news.com/2024/05/erdoğan-türkiye' } };
    expect(failuresOf(raw)).toContain('3.2-targetObjectsRecognized.json');
  });

  it('a negative position offset', () => {
    const target = base.target as { selector: Array<Record<string, unknown>> };
    const broken = { ...base, target: { ...target, selector: [target.selector[0], { type: 'TextPositionSelector', start: -4, end: 2 }] } };
    expect(failuresOf(broken)).toContain('4.2-TextDataPositionSelectorValid.json');
  });
});
