import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { importBytes } from './index';
import { htmlLimitBreach } from './htmlLimits';
import { scanHtmlShape } from './htmlScan';
import { fixtureBytes, utf8 } from '../../../tests/support/import-files';

/** The tree jsdom really builds: deepest element nesting (html = 1) and element count. */
function realShape(html: string): { depth: number; elements: number } {
  const doc = new JSDOM(html).window.document;
  let depth = 0;
  const walk = (el: Element, d: number): void => {
    depth = Math.max(depth, d);
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) walk(c, d + 1);
    const content = el.localName === 'template' ? (el as HTMLTemplateElement).content : null;
    for (let c = content?.firstElementChild; c; c = c.nextElementSibling) walk(c, d + 1);
  };
  walk(doc.documentElement, 1);
  return { depth, elements: doc.getElementsByTagName('*').length };
}

const big = { maxDepth: 1e9, maxElements: 1e9 };
const repeat = (s: string, n = 300): string => s.repeat(n);

/** Markup whose real tree differs from its tag structure: implied ends, re-opened formatting, foreign content, raw text. */
const TRICKY: Record<string, string> = {
  'unclosed paragraphs': repeat('<p>text'),
  'unclosed list items in nested lists': repeat('<ul><li>a<li>b'),
  'unclosed cells and rows': `<table>${repeat('<tr><td>a<td>b')}</table>`,
  'HTML self-closing syntax (ignored)': repeat('<div/>'),
  'SVG self-closing elements': `<svg>${repeat('<path/>')}</svg>`,
  'breaking out of SVG, then self-closing divs': `<svg><p>${repeat('<div/>')}`,
  'font with color breaks out of SVG': `<svg><font color=red>${repeat('<span/>')}`,
  'formatting re-opened in every paragraph': repeat('<p><b id=x>t</p>', 1).concat(Array.from({ length: 200 }, (_, i) => `<p><b id=${i}>t</p>`).join('')),
  'identical formatting (Noah\'s Ark)': repeat('<b>'),
  'misnested formatting around blocks': repeat('<b><div></b>'),
  'formatting closed around foreignObject': repeat('<b><svg><foreignObject></b>'),
  'unmatched end tag blocked by a special element': repeat('<span><div></span>'),
  'end tags in SVG reaching an HTML element': `<div>${repeat('<svg><g></div><div>')}`,
  'quoted > inside attributes': repeat('<div title="a>b">'),
  'quote in an attribute name is no quote': repeat('<div a"b>x'),
  'script text is not markup': `<script>${repeat('<div>')}</script>${repeat('<div>', 5)}`,
  'a comment opened by <!--> ends at once': `<!-->${repeat('<div>')}`,
  'script inside SVG is markup': `<svg><script>${repeat('<g>')}</script></svg>`,
  'title inside SVG is not raw text': `<svg><title>${repeat('<g>')}</title></svg>`,
  'template content': `<template>${repeat('<div>')}</template>`,
  'table markup outside cells': repeat('<table><tr><td><table>'),
};

describe('scanHtmlShape', () => {
  it.each(Object.entries(TRICKY))('never estimates less than jsdom builds: %s', (_name, html) => {
    const real = realShape(html);
    const est = scanHtmlShape(html, big);
    expect(est.depth).toBeGreaterThanOrEqual(real.depth);
    expect(est.elements).toBeGreaterThanOrEqual(real.elements);
  });

  // Misnested formatting end tags make the parser clone a few elements (the adoption agency), which the scan does
  // not follow exactly: the element count may come out a little low there, never the depth.
  it('on 300 pseudo-random tag soups, never estimates less depth than jsdom builds, nor under half its elements', () => {
    const tags = 'div p b i a li ul dl dd table tr td th tbody svg path g foreignObject math mi span font select option h1 h2 script style title textarea template button form nobr em center'.split(' ');
    let seed = 12345;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let round = 0; round < 300; round++) {
      let html = '';
      for (let k = 0; k < 60; k++) {
        const tag = tags[rnd(tags.length)]!;
        const r = rnd(10);
        html += r < 5 ? `<${tag}${rnd(3) === 0 ? ` id=${rnd(4)}` : ''}${rnd(6) === 0 ? ' color=red' : ''}>`
          : r < 8 ? `</${tag}>` : r < 9 ? `<${tag}/>` : 'text ';
      }
      const real = realShape(html);
      const est = scanHtmlShape(html, big);
      expect(est.depth, html).toBeGreaterThanOrEqual(real.depth);
      expect(est.elements, html).toBeGreaterThanOrEqual(real.elements / 2);
    }
  });

  it('is close to the real tree for an ordinary article page', () => {
    const html = new TextDecoder().decode(fixtureBytes('hostile-article.html'));
    const real = realShape(html);
    const est = scanHtmlShape(html, big);
    expect(est.depth).toBe(real.depth);
    expect(est.elements).toBe(real.elements);
  });

  it('stops at the first limit exceeded', () => {
    expect(scanHtmlShape('<div>'.repeat(50_000), { maxDepth: 100, maxElements: 1e9 }).depth).toBe(101);
  });
});

describe('HTML limits', () => {
  const nested = `<!doctype html><html><body>${'<div>'.repeat(100_000)}deep text${'</div>'.repeat(100_000)}</body></html>`;

  it('names each breach: depth, element count and size', () => {
    expect(htmlLimitBreach('<div>'.repeat(20), { maxChars: 1e6, maxDepth: 10, maxElements: 1e6 }))
      .toEqual({ reason: 'too_deep', detail: 'the page nests elements more than 10 deep (the limit is 10)' });
    expect(htmlLimitBreach('<br>'.repeat(20), { maxChars: 1e6, maxDepth: 10, maxElements: 10 }))
      .toEqual({ reason: 'too_complex', detail: 'the page has more than 10 elements (the limit is 10)' });
    expect(htmlLimitBreach('x'.repeat(2 * 1024 * 1024), { maxChars: 1024 * 1024, maxDepth: 10, maxElements: 10 }))
      .toEqual({ reason: 'too_large', detail: 'the page is too large to import as HTML (2.0 MB of HTML; the limit is 1.0 MB)' });
  });

  it('refuses a page of 100,000 nested divs (1.1 MB) before parsing it, with the nesting limit', async () => {
    const started = Date.now();
    const r = await importBytes('page.html', utf8(nested));
    expect(r).toEqual({ ok: false, error: { reason: 'too_deep', fileName: 'page.html', message: 'page.html: the page nests elements more than 1,000 deep (the limit is 1,000)' } });
    // Generous: the defect was 50 s and a stack overflow; the scan takes milliseconds.
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 120_000);

  it('refuses a page with more than 100,000 elements', async () => {
    const r = await importBytes('flat.html', utf8(`<body>${'<span>x</span>'.repeat(100_001)}</body>`));
    expect(r.ok ? null : r.error).toEqual({ reason: 'too_complex', fileName: 'flat.html', message: 'flat.html: the page has more than 100,000 elements (the limit is 100,000)' });
  }, 120_000);

  it('refuses an HTML page over 5 MB (under the 50 MB file limit) from its size', async () => {
    const r = await importBytes('huge.html', utf8(`<body><p>${'word '.repeat(1_100_000)}</p></body>`));
    expect(r.ok ? null : r.error.reason).toBe('too_large');
    expect(r.ok ? '' : r.error.message).toBe('huge.html: the page is too large to import as HTML (5.2 MB of HTML; the limit is 5.0 MB)');
  }, 120_000);

  it('still imports a page with 2,000 sections nested a few levels deep', async () => {
    const body = Array.from({ length: 2_000 }, (_, i) => `<section><div><p>Paragraph number ${i} of the report.</p></div></section>`).join('');
    const r = await importBytes('report.html', utf8(`<html><head><title>Report</title></head><body>${body}</body></html>`));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.text.split('\n\n')).toHaveLength(2_000);
  }, 120_000);
});
