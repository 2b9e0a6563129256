import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { importBytes } from './index';
import { importHtml } from './html';
import { domToText } from './htmlText';
import { fixtureBytes, utf8 } from '../../../tests/support/import-files';

const MARKERS = [
  'alert', 'head-script-marker', 'inline-script-marker', 'img-onerror-marker', 'onclick-marker',
  'body-onload-marker', 'javascript-link-marker', 'iframe-marker', 'iframe-fallback-marker',
  'secret-style-marker', 'inline-style-marker', 'color:', 'javascript:', '<', '>',
];

describe('importBytes: html', () => {
  it('extracts the article text and none of the hostile content', async () => {
    const result = await importBytes('hostile-article.html', fixtureBytes('hostile-article.html'));
    if (!result.ok) throw new Error(result.error.message);
    const { kind, text, meta } = result.value;
    expect(kind).toBe('html');
    for (const marker of MARKERS) expect(text, marker).not.toContain(marker);
    expect(text).toContain('Negotiators from Kazakhstan and Türkiye met on Tuesday');
    // The anchor text of the javascript: link stays; only the link is gone.
    expect(text).toContain('Analysts cautioned that financing remains unresolved. Read the statement for details');
    expect(text).toContain('\n\nA technical meeting in Baku in April.\n\nA ministerial meeting in Ankara');
    expect(text).toContain('\n\nWe are closer than we have ever been, a senior official said.\n\n');
    expect(text).not.toMatch(/\n{3,}|[ \t]\n|\n[ \t]/);
    expect(meta).toEqual({
      title: 'Pipeline talks resume in Astana',
      authors: ['Aigerim Sadykova', 'Murat Demir'],
      publisher: 'Steppe Herald',
      publishedAt: '2024-03-05',
      url: 'https://herald.example/news/pipeline-talks',
      language: 'en',
    });
  });

  it('falls back to the sanitised body when there is no article, dropping script and style', () => {
    const { text, meta } = importHtml(
      '<html><head><title>Short</title><style>p{}</style></head><body><p>Tiny page.</p><script>evil()</script>' +
        '<p onmouseover="evil()">Second <b>bold</b> bit.</p></body></html>',
    );
    expect(text).toBe('Tiny page.\n\nSecond bold bit.');
    expect(meta.title).toBe('Short');
  });

  it('skips Readability above the element limit and uses the <article>', () => {
    const html = '<body><nav>Menu items</nav><article><p>Body one.</p><p>Body two.</p></article></body>';
    expect(importHtml(html, 3).text).toBe('Body one.\n\nBody two.');
  });

  it('ignores javascript: and relative canonical URLs and reads og:url instead', () => {
    const html = '<head><link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://a.example/x">' +
      '</head><body><p>Text.</p></body>';
    expect(importHtml(html).meta.url).toBe('https://a.example/x');
    expect(importHtml('<head><link rel="canonical" href="/rel"></head><body><p>T</p></body>').meta.url).toBe('');
  });

  it("rejects a page with no readable text as 'no_text'", async () => {
    const page = '<html><head><title>Empty</title><script>var a = "lots of script text";</script></head><body><img src=x onerror=alert(1)></body></html>';
    const result = await importBytes('blank.htm', utf8(page));
    expect(result).toEqual({
      ok: false,
      error: { reason: 'no_text', fileName: 'blank.htm', message: 'blank.htm: no readable text was found' },
    });
  });
});

describe('domToText', () => {
  const text = (html: string): string => domToText(new JSDOM(`<body>${html}</body>`).window.document.body);

  it('makes blocks paragraphs, keeps <br> as a line break and collapses inline whitespace', () => {
    expect(text('<h1>Head</h1>\n  <p>One   <i>two</i>\n three<br>four</p><div>five</div>')).toBe('Head\n\nOne two three\nfour\n\nfive');
  });

  it('turns table rows into paragraphs with cells separated by a bar', () => {
    expect(text('<table><tr><th>Name</th><th>Role</th></tr><tr><td>Ann</td><td>Chair</td></tr></table>')).toBe('Name | Role\n\nAnn | Chair');
  });

  it('keeps <pre> lines but drops blank lines inside it', () => {
    expect(text('<pre>line 1\n   indented\n\nline 3</pre>')).toBe('line 1\n   indented\nline 3');
  });
});
