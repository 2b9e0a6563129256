/** readPageMetadata on realistic article pages (fixtures) and on the edge cases of each vocabulary. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { captureFixture, encodeText } from '../../../tests/support/http-fixtures';
import { readHeadMeta } from '../import/htmlMeta';
import { decodePage } from './decode-page';
import { normaliseDate, readPageMetadata } from './page-metadata';

const docOf = (html: string): Document => new JSDOM(html).window.document;
const read = (html: string, base = 'https://site.example/a/page.html') => readPageMetadata(docOf(html), base);
const head = (inner: string, lang = ''): string => `<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head>${inner}</head><body><p>x</p></body></html>`;
const ld = (value: unknown): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('readPageMetadata: fixture pages', () => {
  it('a news site with a Yoast JSON-LD @graph (authors by @id, publisher Organization, a malformed second block)', () => {
    const meta = read(captureFixture('news-jsonld-graph.html'), 'https://www.meridianledger.example/world/2026/03/05/grain-corridor-talks-stall?utm_source=x');
    expect(meta).toEqual({
      title: 'Grain corridor talks stall as insurers pull cover',
      authors: ['Aylin Demir', 'Tom O’Reilly'],
      publisher: 'Meridian Ledger Media Ltd',
      publishedAt: '2026-03-05',
      modifiedAt: '2026-03-05',
      language: 'en-GB',
      canonicalUrl: 'https://www.meridianledger.example/world/2026/03/05/grain-corridor-talks-stall',
      found: ['json-ld', 'canonical'],
    });
  });

  it('a think-tank report with citation_* (many authors, a report institution) over OG and DC', () => {
    expect(read(captureFixture('thinktank-report.html'))).toEqual({
      title: 'Sanctions Evasion Through Third Countries: Evidence from Customs Data',
      authors: ['Nurlanova, Dana', 'Whitfield, James R.', 'Kaya, Emre'],
      publisher: 'Caspian Policy Institute',
      publishedAt: '2025-11-18',
      modifiedAt: '2025-12-01',
      language: 'en',
      canonicalUrl: 'https://www.caspianpolicy.example/research/sanctions-evasion-third-countries',
      found: ['citation', 'dublin-core', 'canonical'],
    });
  });

  it('an OpenGraph-only blog: a profile-URL author left out, og:locale as a language tag, a javascript: canonical refused', () => {
    expect(read(captureFixture('blog-og-only.html'), 'https://fielddiary.example/2026/01/khorgos-notes/')).toEqual({
      title: 'Notes from the border crossing at Khorgos',
      authors: ['Maria Lindqvist'],
      publisher: 'Field Diary',
      publishedAt: '2026-01-22',
      modifiedAt: '2026-01-23',
      language: 'en-US',
      canonicalUrl: '',
      found: ['opengraph'],
    });
  });

  it('a Russian page served in windows-1251 with Dublin Core tags (dotted day-first date)', () => {
    const bytes = encodeText(captureFixture('ru-dc-windows-1251.html'), 'windows-1251');
    const decoded = decodePage(bytes, 'text/html', '');
    expect(decoded.charset).toBe('windows-1251');
    expect(read(decoded.text, 'http://vestnik.example/economy/2026/03/05/zerno.html')).toEqual({
      title: 'Экспорт зерна через порты Азовского моря сократился на треть',
      authors: ['Иванова, Мария', 'Петров, Алексей'],
      publisher: 'Деловой вестник',
      publishedAt: '2026-03-05',
      modifiedAt: '2026-03-06',
      language: 'ru',
      canonicalUrl: 'http://vestnik.example/economy/2026/03/05/zerno.html',
      found: ['dublin-core', 'canonical'],
    });
  });

  it('a Turkish page in ISO-8859-9 with only generic tags and og:site_name', () => {
    const bytes = encodeText(captureFixture('tr-iso-8859-9.html'), 'iso-8859-9');
    const decoded = decodePage(bytes, 'text/html', '');
    expect(read(decoded.text, 'https://www.limangazetesi.example/haber/bogazlarda-gemi-trafigi?ref=home')).toEqual({
      title: 'Boğazlarda gemi trafiği yoğunlaştı | Liman Gazetesi',
      authors: ['Şule Yıldırım'],
      publisher: 'Liman Gazetesi',
      publishedAt: '2026-02-14',
      modifiedAt: '',
      language: 'tr',
      canonicalUrl: 'https://www.limangazetesi.example/haber/bogazlarda-gemi-trafigi',
      found: ['opengraph', 'html', 'canonical'],
    });
  });
});

describe('readPageMetadata: JSON-LD', () => {
  it('author as a string, a Person, or an array; publisher as a string; headline over name', () => {
    expect(read(head(ld({ '@type': 'Article', headline: 'H', name: 'N', author: 'Jane Roe', publisher: 'Roe Press' })))).toMatchObject({
      title: 'H', authors: ['Jane Roe'], publisher: 'Roe Press',
    });
    expect(read(head(ld({ '@type': 'BlogPosting', name: 'N', author: { '@type': 'Person', givenName: 'Ann', familyName: 'Lee' } })))).toMatchObject({
      title: 'N', authors: ['Ann Lee'],
    });
    expect(read(head(ld([{ '@type': 'ReportageNewsArticle', headline: 'R', author: [{ name: 'A' }, 'B', { name: 'A' }] }])))).toMatchObject({
      title: 'R', authors: ['A', 'B'],
    });
  });

  it('types written as URLs or arrays count; an article nested in a WebPage is found', () => {
    expect(read(head(ld({ '@type': ['http://schema.org/NewsArticle'], headline: 'T1' }))).title).toBe('T1');
    expect(read(head(ld({ '@type': 'WebPage', name: 'Page', mainEntity: { '@type': 'Article', headline: 'Inner', datePublished: '2024-02-01' } })))).toMatchObject({
      title: 'Inner', publishedAt: '2024-02-01',
    });
  });

  it('falls back to the WebPage node, and to the WebSite for publisher and language', () => {
    const graph = { '@context': 'https://schema.org', '@graph': [
      { '@type': 'WebPage', name: 'Only a page', datePublished: '2023-07-09T10:00:00Z' },
      { '@type': 'WebSite', inLanguage: 'kk', publisher: { '@id': '#org' } },
      { '@type': 'Organization', '@id': '#org', name: 'Steppe Media' },
    ] };
    expect(read(head(ld(graph)))).toMatchObject({ title: 'Only a page', publishedAt: '2023-07-09', publisher: 'Steppe Media', language: 'kk' });
  });

  it('malformed blocks are ignored; CDATA/comment wrappers are tolerated; other vocabularies then apply', () => {
    const page = head(`<script type="application/ld+json">{"@type": "Article", "headline": "Broken",}</script>
      <script type="application/ld+json">//<![CDATA[
{"@type":"Article","datePublished":"2022-05-06"}
//]]></script><meta property="og:title" content="From OG">`);
    expect(read(page)).toMatchObject({ title: 'From OG', publishedAt: '2022-05-06', found: ['json-ld', 'opengraph'] });
  });

  it('a node that is neither an article nor a page contributes nothing', () => {
    expect(read(head(`${ld({ '@type': 'Organization', name: 'Org' })}<title>Plain</title>`))).toMatchObject({ title: 'Plain', publisher: '', found: ['html'] });
  });
});

describe('readPageMetadata: precedence and vocabularies', () => {
  it('JSON-LD > citation_* > OpenGraph > Dublin Core > <title>, field by field', () => {
    const page = head(`<title>Generic</title><meta name="DC.title" content="DC"><meta property="og:title" content="OG">
      <meta name="citation_title" content="Citation"><meta name="DC.publisher" content="DC Pub">${ld({ '@type': 'Article', headline: 'LD' })}`);
    expect(read(page)).toMatchObject({ title: 'LD', publisher: 'DC Pub', found: ['json-ld', 'dublin-core'] });
  });

  it('citation dates: publication_date, else date, else online_date; the legacy citation_authors list', () => {
    expect(read(head('<meta name="citation_online_date" content="2020/01/02"><meta name="citation_date" content="2019">')).publishedAt).toBe('2019');
    expect(read(head('<meta name="citation_authors" content="Smith, J.; Doe, A."><meta name="citation_journal_title" content="J. Stud.">')))
      .toMatchObject({ authors: ['Smith, J.', 'Doe, A.'], publisher: 'J. Stud.' });
  });

  it('Dublin Core in any case, DCTERMS too', () => {
    expect(read(head('<meta name="dcterms.title" content="T"><meta name="DCTERMS.creator" content="C"><meta name="dc.date" content="2021-03">'
      + '<meta name="DC.Language" content="kk">'))).toMatchObject({ title: 'T', authors: ['C'], publishedAt: '2021-03', language: 'kk', found: ['dublin-core'] });
  });

  it('<html lang> and <meta name=author> are the last resort', () => {
    expect(read(head('<title> Spaced   title </title><meta name="author" content="Staff Writer">', 'kk-KZ'))).toMatchObject({
      title: 'Spaced title', authors: ['Staff Writer'], language: 'kk-KZ', found: ['html'],
    });
  });

  it('a canonical link is resolved against <base> and the page URL; only http(s) is kept', () => {
    expect(read(head('<link rel="canonical" href="../b/"/>')).canonicalUrl).toBe('https://site.example/b/');
    expect(read(head('<base href="https://cdn.example/x/"><link rel="Canonical" href="y">')).canonicalUrl).toBe('https://cdn.example/x/y');
    expect(read(head('<link rel="canonical" href="ftp://site.example/a">')).canonicalUrl).toBe('');
  });

  it('an empty page gives empty fields and nothing found', () => {
    expect(read('<html><body></body></html>')).toEqual({
      title: '', authors: [], publisher: '', publishedAt: '', modifiedAt: '', language: '', canonicalUrl: '', found: [],
    });
  });
});

describe('normaliseDate', () => {
  it.each([
    ['2026-03-05T06:12:00+00:00', '2026-03-05'], ['2025/11/18', '2025-11-18'], ['2021-03', '2021-03'], ['2019', '2019'],
    ['05.03.2026', '2026-03-05'], ['5.3.2026', '2026-03-05'], ['March 5, 2024', '2024-03-05'],
    ['05/03/2026', ''], ['25/03/2026', '2026-03-25'], ['03/25/2026', '2026-03-25'], ['next Tuesday', ''],
  ])('%s → %s', (value, expected) => {
    expect(normaliseDate(value)).toBe(expected);
  });
});

describe('the file import\'s readHeadMeta is unchanged', () => {
  it('still reads og:title over <title> and its own fields for the news fixture', () => {
    const meta = readHeadMeta(docOf(captureFixture('news-jsonld-graph.html')));
    expect(meta).toMatchObject({ title: 'Grain corridor talks stall as insurers pull cover', publisher: 'The Meridian Ledger', publishedAt: '2026-03-05' });
  });
});
