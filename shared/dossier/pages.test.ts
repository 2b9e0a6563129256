/** Page numbers in dossier citations (HTML, Markdown, JSON) for PDF sources with pages, and area highlights as images. */
import { describe, expect, it } from 'vitest';
import { WorkspaceState } from '../domain/state';
import type { Claim, Dossier, Relationship, Source } from '../domain/types';
import { renderDossierHtml, renderDossierJson, renderDossierMarkdown, resolveDossier, type DossierData, type DossierJson } from './index';
import { formatPages, highlightText, pagesOfHighlight } from './pages';
import { PAGED_TEXT, pagedHighlights, pagedSource } from '../../tests/support/paged-source-fixture';

const T = '2026-03-04T05:06:07.000Z';
const PNG_URI = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const IMAGE = { sha256: 'e'.repeat(64), bytes: 70, mediaType: 'image/png' };

function dataOf(source: Source, imageUri: string | null | undefined = PNG_URI): { data: DossierData; dossier: Dossier } {
  const h = pagedHighlights(source, PAGED_TEXT, IMAGE);
  const claim: Claim = {
    id: 'c-1', claimantId: null, statement: 'Türkiye backs the pipeline.', type: 'fact', claimedAt: '', credibility: 2,
    evidenceHighlightIds: [h.page2.id, h.area.id], aboutEntityIds: [], supports: [], contradicts: [], tagIds: [], createdAt: T, updatedAt: T,
  };
  const rel: Relationship = {
    id: 'r-1', fromId: 'e-1', toId: 'e-2', type: 'supports', startDate: '', endDate: '', confidence: 0.5, note: '',
    evidenceHighlightIds: [h.overBreak.id], evidenceClaimIds: [], createdAt: T, updatedAt: T,
  };
  const ent = (id: string, name: string) => ({ id, type: 'place' as const, name, aliases: [], description: '', createdAt: T, updatedAt: T });
  const dossier: Dossier = {
    id: 'd-1', title: 'Energy', subjectIds: [], author: '', createdAt: T, updatedAt: T,
    sections: [{ id: 's-1', title: 'Evidence', blocks: [
      { id: 'b1', kind: 'claim', refId: 'c-1', text: '' },
      { id: 'b2', kind: 'relationship', refId: 'r-1', text: '' },
      { id: 'b3', kind: 'quote', refId: h.page1.id, text: '' },
      { id: 'b4', kind: 'quote', refId: h.area.id, text: '' },
    ] }],
  };
  const state = WorkspaceState.fromJson({
    sources: { [source.id]: source }, highlights: Object.fromEntries(Object.values(h).map((x) => [x.id, x])),
    claims: { [claim.id]: claim }, relationships: { [rel.id]: rel }, entities: { 'e-1': ent('e-1', 'Türkiye'), 'e-2': ent('e-2', 'Kazakhstan') },
    dossiers: { [dossier.id]: dossier },
  });
  const data: DossierData = {
    get: (c, id) => state.get(c, id), all: (c) => state.all(c), textOf: () => PAGED_TEXT,
    ...(imageUri === undefined ? {} : { areaImage: () => imageUri }),
  };
  return { data, dossier };
}

function render(source = pagedSource(), imageUri?: string | null) {
  const { data, dossier } = dataOf(source, imageUri);
  const resolved = resolveDossier(dossier, data, { generatedAt: T });
  return { resolved, html: renderDossierHtml(resolved), md: renderDossierMarkdown(resolved), json: JSON.parse(renderDossierJson(resolved, data)) as DossierJson };
}

const at = (exact: string) => ({ start: PAGED_TEXT.indexOf(exact), end: PAGED_TEXT.indexOf(exact) + exact.length });

describe('page numbers of passages', () => {
  it('formats one page as "p. N" and a range as "pp. N–M"; an area is its own page, a text highlight the pages of its range', () => {
    expect(formatPages([12, 12])).toBe('p. 12');
    expect(formatPages([12, 13])).toBe('pp. 12–13');
    const s = pagedSource();
    const h = pagedHighlights(s, PAGED_TEXT, null);
    expect(pagesOfHighlight(s, h.page1)).toEqual([1, 1]);
    expect(pagesOfHighlight(s, h.overBreak)).toEqual([2, 3]);
    expect(pagesOfHighlight(s, h.area)).toEqual([3, 3]);
    expect(pagesOfHighlight({ ...s, pdf: undefined }, h.page1)).toBeNull();
    expect(highlightText(h.area)).toBe('Area on p. 3');
    expect(highlightText(h.page1)).toBe('Ankara opened talks');
  });

  it('dossier notes cite "p. 2" for a passage on page 2 and "pp. 2–3" for one over the break, before paragraph and offsets', () => {
    const { resolved, html } = render();
    const byId = new Map(resolved.citations.map((c) => [c.highlightId, c]));
    const p2 = at('Türkiye backs Kazakhstan');
    expect(byId.get('h-page2')?.location).toBe(`p. 2, ¶ 2, characters ${p2.start}–${p2.end}`);
    const brk = at('Erdoğan said the deal stands.\n\nFigure 3');
    expect(byId.get('h-break')?.location).toBe(`pp. 2–3, ¶ 2, characters ${brk.start}–${brk.end}`);
    expect(byId.get('h-page1')?.location).toMatch(/^p\. 1, ¶ 1, characters \d+–\d+$/);
    expect(html).toContain(`<span class="where">p. 2, ¶ 2, characters ${p2.start}–${p2.end}</span>`);
    expect(html).toContain(`<span class="where">pp. 2–3, ¶ 2, characters ${brk.start}–${brk.end}</span>`);
  });

  it('without a pdf record the same passages are cited exactly as before: no page', () => {
    const { resolved, md } = render(pagedSource(PAGED_TEXT, { pdf: undefined, kind: 'text' }));
    const p2 = at('Türkiye backs Kazakhstan');
    expect(resolved.citations.find((c) => c.highlightId === 'h-page2')?.location).toBe(`¶ 2, characters ${p2.start}–${p2.end}`);
    for (const c of resolved.citations.filter((x) => !x.area)) expect(c.location).not.toMatch(/p\. /);
    expect(md).not.toMatch(/ p\. \d+, ¶/);
  });

  it('an area highlight is cited "p. 3" and shown in the HTML as its embedded image labelled "Area on p. 3"', () => {
    const { resolved, html } = render();
    const area = resolved.citations.find((c) => c.highlightId === 'h-area');
    expect(area?.location).toBe('p. 3');
    expect(html).toContain(`<img src="${PNG_URI}" alt="Area on p. 3">`);
    // Once as claim evidence, once as a quote block.
    expect(html.split(`<img src="${PNG_URI}"`).length - 1).toBe(2);
    expect(html).toContain(`<span class="where">p. 3</span>: image of an area of the page`);
    expect(html).not.toContain('“”');
  });

  it('an unreadable or unsafe image is never embedded: the area is named by its page instead', () => {
    expect(render(pagedSource(), null).html).toContain('Area on p. 3 (image not available)');
    const hostile = render(pagedSource(), 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" onerror="alert(1)').html;
    expect(hostile).not.toMatch(/<img[^>]*svg/);
    expect(hostile).not.toContain('onerror');
    expect(hostile).toContain('Area on p. 3 (image not available)');
  });

  it('Markdown footnotes carry the page, and an area is a "[figure: area on p. 3]" line with its footnote (no inline image)', () => {
    const { md, resolved } = render();
    const n = resolved.citations.find((c) => c.highlightId === 'h-area')!.n;
    expect(md).toContain(`> [figure: area on p. 3][^${n}]`);
    expect(md).toContain(`[^${n}]: *Regional energy report*, Energy Agency, Agency, 2024-02-01. p. 3: image of an area of the page`);
    const p2 = at('Türkiye backs Kazakhstan');
    expect(md).toMatch(new RegExp(`\\[\\^\\d+\\]: .* p\\. 2, ¶ 2, characters ${p2.start}–${p2.end}: “Türkiye backs Kazakhstan”`));
    expect(md).toMatch(/pp\. 2–3, ¶ 2, characters/);
    expect(md).not.toContain('data:');
  });

  it('the JSON notes give the pages of each passage and mark the area', () => {
    const { json } = render();
    const note = (id: string) => json.notes.find((x) => x.highlightId === id);
    expect(note('h-page2')?.pages).toEqual([2, 2]);
    expect(note('h-break')?.pages).toEqual([2, 3]);
    expect(note('h-area')).toMatchObject({ pages: [3, 3], area: { page: 3 }, location: 'p. 3', exact: '' });
    expect(note('h-page1')?.area).toBeUndefined();
    const plain = render(pagedSource(PAGED_TEXT, { pdf: undefined })).json;
    expect(plain.notes.find((x) => x.highlightId === 'h-page2')?.pages).toBeUndefined();
  });
});
