/** The compact library list gives back every field of every source, with a capture cut to its list summary. */
import { describe, expect, it } from 'vitest';
import type { CaptureRecord } from '../domain/capture';
import { compactLibrary, expandLibrary, LIBRARY_SOURCE_FIELDS, type LibraryWire } from './library-wire';
import type { SourceSummary } from './views';

const capture: CaptureRecord = {
  method: 'url', requestedUrl: 'http://example.org/a', finalUrl: 'https://example.org/a', redirects: [{ url: 'http://example.org/a', status: 301, location: 'https://example.org/a' }],
  status: 200, headers: { 'content-type': 'text/html; charset=utf-8', server: 'x'.repeat(500) }, capturedAt: '2026-03-04T05:06:07.890Z',
  contentType: 'text/html', charset: 'utf-8', charsetSource: 'header', raw: { sha256: 'a'.repeat(64), bytes: 1234, mediaType: 'text/html' },
  textSha256: 'b'.repeat(64), rendered: null, renderError: 'no printer', userAgent: '',
  page: { title: 'P', authors: [], publisher: '', publishedAt: '', modifiedAt: '', language: 'en', canonicalUrl: '', found: [] },
};

/** A source with every optional field set, and one with none. */
const full: SourceSummary = {
  id: 's1', kind: 'html', fileName: 'a.html', contentHash: 'c'.repeat(64), textLength: 42,
  meta: { title: 'Sınır 🇹🇷 "quoted"', authors: ['Łukasz García', 'Ann Lee'], publisher: 'Reuters', publishedAt: '2024-11', url: 'https://example.org/a', language: 'tr' },
  reliability: 'B', dismissedSuggestions: ['ankara'], dismissedClaimSuggestions: ['12:40'], capture, versionOf: { rootId: 's0', previousId: 's0', version: 2 },
  pdf: {
    original: { sha256: 'e'.repeat(64), bytes: 99, mediaType: 'application/pdf' }, pageCount: 2,
    pages: [{ start: 0, end: 20, width: 595, height: 842, rotation: 0 }, { start: 22, end: 42, width: 842, height: 595, rotation: 90, ocr: true }],
    ocr: { engine: 'tesseract.js 7.0.0', languages: ['eng'], meanConfidence: 91 },
  },
  createdAt: '2026-03-04T05:06:08.000Z', updatedAt: '2026-03-05T00:00:00.000Z', highlightCount: 7,
};
const plain: SourceSummary = {
  id: 's2', kind: 'text', fileName: '', contentHash: 'd'.repeat(64), textLength: 0,
  meta: { title: '', authors: ['Ann Lee'], publisher: 'Reuters', publishedAt: '', url: '', language: 'tr' },
  // Not the ISO form Date gives back: kept as written.
  reliability: 'F', createdAt: '2026-03-04T05:06:08Z', updatedAt: '2026-03-04T05:06:08Z', highlightCount: 0,
};

const roundTrip = (list: SourceSummary[]) => expandLibrary(JSON.parse(JSON.stringify(compactLibrary(list))) as LibraryWire);

describe('library list on the wire', () => {
  it('gives back every field of every source (through JSON), with the capture cut to method, time and final URL', () => {
    const [a, b] = roundTrip([full, plain]);
    const { capture: _dropped, pdf: _pages, ...rest } = full;
    expect(a).toStrictEqual({
      ...rest, capture: { method: 'url', capturedAt: capture.capturedAt, finalUrl: capture.finalUrl }, pdf: { pageCount: 2, ocr: true },
    });
    expect(b).toStrictEqual(plain);
    // Every field Source declares is set on the fixture, so a field the wire forgets fails the comparison above.
    for (const f of LIBRARY_SOURCE_FIELDS) expect(full[f], f).toBeDefined();
  });

  it('sends repeated strings once and leaves the capture headers and redirects out', () => {
    const list = [full, plain, { ...plain, id: 's3' }];
    const wire = compactLibrary(list);
    expect(wire.strings.filter((s) => s === 'Reuters')).toHaveLength(1);
    expect(wire.strings.filter((s) => s === 'Ann Lee')).toHaveLength(1);
    const json = JSON.stringify(wire);
    expect(json).not.toContain('x'.repeat(500));
    expect(json).not.toContain('no printer');
    expect(json.length).toBeLessThan(JSON.stringify(list).length / 2);
  });

  it('refuses a reply that points at a string it does not carry', () => {
    const wire = compactLibrary([plain]);
    expect(() => expandLibrary({ ...wire, strings: [] })).toThrow(/library wire: no string 0/);
  });
});
