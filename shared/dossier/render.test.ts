/** The dossier renderers: escaping, numbered citations, Markdown front matter, JSON completeness, missing records. */
import { describe, expect, it } from 'vitest';
import { planDraft, renderDossierHtml, renderDossierJson, renderDossierMarkdown, resolveDossier, type DossierJson } from './index';
import { paragraphAt } from './location';
import { markdownToHtml } from './markdown-text';
import { safeMarkdown } from './markdown-safe';
import { exportFileName } from './file-name';
import { HOSTILE, TEXT, block, claim, dataOf, dossierOf, highlights } from '../../tests/support/dossier-blocks-fixture';

const AT = '2026-11-25T10:00:00.000Z';
const fullDossier = () => dossierOf([
  block('b1', 'text', null, `Intro **bold** ${HOSTILE} <img src=x onerror=alert(1)> [bad](javascript:alert(1)) ![pic](https://example.org/p.png)`),
  block('b2', 'quote', 'h-3'),
  block('b3', 'claim', 'c-1'),
  block('b4', 'relationship', 'r-1'),
  block('b5', 'entity', 'e-x'),
  block('b6', 'graph', null),
  block('b7', 'timeline', null),
]);

function render(d = fullDossier(), extra?: Parameters<typeof dataOf>[1]) {
  const data = dataOf(d, extra);
  const resolved = resolveDossier(d, data, { generatedAt: AT });
  return { resolved, data, html: renderDossierHtml(resolved), md: renderDossierMarkdown(resolved), json: JSON.parse(renderDossierJson(resolved, data)) as DossierJson };
}

describe('HTML rendering', () => {
  it('keeps each section heading with its first block, whole when that block is a card; flows unless the dossier asks for a page per section', () => {
    const { html } = render();
    expect(html).toMatch(/<body class="flowing">/);
    expect(html).toMatch(/<div class="lead-in"><h2><span class="num">1<\/span> [^<]*<\/h2>\n<div class="block text">/);
    const cardFirst = dossierOf([block('b3', 'claim', 'c-1'), block('b1', 'text', null, 'After.')], { newPagePerSection: true });
    const second = render(cardFirst).html;
    expect(second).toMatch(/<body class="page-per-section">/);
    expect(second).toMatch(/<div class="lead-in whole"><h2>.*<\/h2>\n<div class="block card claim">/);
  });

  it('escapes hostile text in titles, notes, quotes, names and Markdown; nothing executable or external remains', () => {
    const { html } = render();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img|<link|<iframe|@import|url\((?!#)|javascript:/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    expect(html).toContain('<title>Dossier &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</title>');
    expect(html).toContain('Section &lt;script&gt;');
    expect(html).toContain('Evil &lt;script&gt;');
    expect(html).toContain('Report &lt;script&gt;');
    expect(html).toContain('[image: pic]');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('https://example.org/r?a=1&amp;b=2');
  });

  it('numbers notes in order of first use, once per passage, each pointing at its exact paragraph and offsets', () => {
    const { resolved, html } = render();
    expect(resolved.citations.map((c) => c.highlightId)).toEqual(['h-3', 'h-2']);
    for (const c of resolved.citations) {
      expect(TEXT.slice(c.start, c.end)).toBe(c.exact);
      expect(c.location).toBe(`¶ ${c.paragraph}, characters ${c.start}–${c.end}`);
    }
    expect(resolved.citations[0]!.paragraph).toBe(3);
    expect(resolved.citations[1]!.paragraph).toBe(2);
    const note2 = /<li id="note-2">(.*?)<\/li>/.exec(html)?.[1] ?? '';
    expect(note2).toContain(`¶ 2, characters ${TEXT.indexOf('Türkiye backs')}–`);
    expect(note2).toContain('Agency');
    expect(note2).toContain('“Türkiye backs Kazakhstan”');
    // The relationship cites h-3 and h-2 again: the same numbers, no new notes.
    expect(resolved.citations).toHaveLength(2);
    expect(html).toContain('href="#note-1"');
    expect(resolved.bibliography).toEqual([{ source: expect.objectContaining({ id: 'src-1' }), notes: [1, 2] }]);
  });

  it('gives offsets only, no paragraph, when the stored range no longer holds the quote', () => {
    const stale = { ...highlights[0]!, id: 'h-stale', quote: { ...highlights[0]!.quote, exact: 'text that moved' } };
    const d = dossierOf([block('q', 'quote', 'h-stale')]);
    const { resolved } = render(d, { highlights: [stale] });
    expect(resolved.citations[0]).toMatchObject({ paragraph: null, location: `characters ${stale.position.start}–${stale.position.end}` });
  });

  it('draws the graph as inline SVG with real shapes and text, the same every time', () => {
    const a = render().html;
    const b = render().html;
    const svg = /<svg[\s\S]*?<\/svg>/.exec(a)?.[0] ?? '';
    expect(svg).toMatch(/<circle /);
    expect(svg).toContain('>Türkiye</text>');
    expect(svg).toContain('>supports</text>');
    expect(a).toBe(b);
  });

  it('renders a block whose record is gone as a visible missing note, also for a deleted cited passage', () => {
    const orphanClaim = { ...claim, id: 'c-2', evidenceHighlightIds: ['h-gone'] };
    const d = dossierOf([block('m1', 'claim', 'c-gone'), block('m2', 'quote', 'h-gone'), block('m3', 'claim', 'c-2'), block('m4', 'entity', 'e-gone')]);
    const { html, md, json } = render(d, { claims: [orphanClaim] });
    expect(html).toContain('[missing: claim c-gone]');
    expect(html).toContain('[missing: passage h-gone]');
    expect(html).toContain('[missing: entity e-gone]');
    expect(md).toContain('[missing: claim c-gone]');
    expect(json.missing.map((m) => m.blockId)).toEqual(['m1', 'm2', 'm4']);
  });
});

describe('Markdown and JSON', () => {
  it('writes YAML front matter with the dossier id as a stable id, quotes as > blocks with footnotes', () => {
    const { md } = render();
    const again = renderDossierMarkdown(resolveDossier(fullDossier(), dataOf(fullDossier()), { generatedAt: '2030-01-01T00:00:00.000Z' }));
    const front = md.split('\n---\n')[0]!;
    expect(md.startsWith('---\nid: "d-stable-1"\n')).toBe(true);
    expect(again).toContain('id: "d-stable-1"');
    expect(front).toContain('title: "Dossier <script>alert(\\"x\\")</script>"');
    expect(front).toMatch(/subjects:\n {2}- "Türkiye"\n {2}- "Kazakhstan"/);
    expect(front).toMatch(/tags:\n {2}- "dossier"\n {2}- "Türkiye"/);
    const body = md.slice(front.length + 5);
    // Escaped as \\<script\\>, which Markdown shows as text.
    expect(body).not.toMatch(/(?<!\\)<(script|img)/i);
    expect(body).toContain('> “Erdoğan said “yes””[^1]');
    expect(body).toMatch(/\[\^1\]: \*Report .*\*, .*¶ 3, characters \d+–\d+/);
    expect(body).toContain('```mermaid');
  });

  it('exports the dossier with every record it references, graded', () => {
    const { json } = render();
    expect(json.dossier.id).toBe('d-stable-1');
    expect(json.claims.map((c) => [c.id, c.grade])).toEqual([['c-1', 'B2']]);
    expect(json.relationships.map((r) => r.id)).toEqual(['r-1']);
    expect(json.highlights.map((h) => h.id).sort()).toEqual(['h-2', 'h-3']);
    expect(json.sources.map((s) => s.id)).toEqual(['src-1']);
    expect(json.entities.map((e) => e.id).sort()).toEqual(['e-er', 'e-kz', 'e-tr', 'e-x']);
    expect(json.notes.map((n) => n.highlightId)).toEqual(['h-3', 'h-2']);
  });
});

describe('auto-draft planning', () => {
  const ids = () => { let n = 0; return () => `id-${++n}`; };

  it('titles two subjects as relations and fills the usual sections, passages deduplicated', () => {
    const plan = planDraft(dataOf(), ['e-tr', 'e-kz'], ids());
    if (!plan.ok) throw new Error('plan failed');
    expect(plan.value.title).toBe('Türkiye–Kazakhstan relations');
    expect(plan.value.sections.map((s) => s.title)).toEqual(['Summary', 'Key claims', 'Relationships', 'Evidence', 'Timeline', 'Graph', 'Entities']);
    const evidence = plan.value.sections.find((s) => s.title === 'Evidence')!;
    expect(evidence.blocks.map((b) => b.refId).sort()).toEqual(['h-2', 'h-3']);
    const summary = plan.value.sections[0]!.blocks[0]!.text;
    expect(summary).toContain('1 claim, 1 relationship and 2 quoted passages from 1 source, dated 2022-10-12');
  });

  it('uses the entity name for one subject and names unknown ids', () => {
    const one = planDraft(dataOf(), ['e-er'], ids());
    expect(one.ok && one.value.title).toBe('Erdoğan');
    expect(planDraft(dataOf(), ['e-tr', 'nope', 'gone'], ids())).toEqual({ ok: false, error: ['nope', 'gone'] });
  });
});

describe('locations and Markdown text', () => {
  it('counts paragraphs by blank lines, or by lines when the text has no blank line', () => {
    expect(paragraphAt('a\n\nb\n\nc', 6)).toBe(3);
    expect(paragraphAt('a\nb\nc', 4)).toBe(3);
    expect(paragraphAt('\n\na\n\nb', 2)).toBe(1);
  });

  it('shows raw HTML as text and keeps only safe links', () => {
    const html = markdownToHtml('<div onclick="x">hi</div>\n\n[ok](https://a.org) [no](javascript:alert(1)) <b>x</b>');
    expect(html).toContain('&lt;div onclick=&quot;x&quot;&gt;hi&lt;/div&gt;');
    expect(html).toContain('<a href="https://a.org">ok</a>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});

describe('Markdown export helpers', () => {
  it('escapes raw HTML outside code, keeps autolinks and code, nests headings below sections', () => {
    const md = safeMarkdown('# Head\n<b>x</b> `<code>` <https://a.org/x>\n```\n<raw>\n```');
    expect(md).toBe('### Head\n&lt;b>x&lt;/b> `<code>` <https://a.org/x>\n```\n<raw>\n```');
  });

  it('makes file names from titles: Unicode kept, unsafe characters and control codes gone', () => {
    expect(exportFileName('Türkiye–Kazakhstan relations', 'pdf')).toBe('Türkiye–Kazakhstan relations.pdf');
    expect(exportFileName('a/b:<c>\u0007 d?', 'md')).toBe('a b c d.md');
    expect(exportFileName(' ... ', 'json')).toBe('dossier.json');
    expect(exportFileName('CON', 'html')).toBe('dossier-CON.html');
  });
});
