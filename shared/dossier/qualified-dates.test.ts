/** Qualified claim and relationship dates ("<2019", ">2024-03", "~2015") in dossiers: said in words, ordered in time. */
import { describe, expect, it } from 'vitest';
import { renderDossierHtml, renderDossierJson, renderDossierMarkdown, resolveDossier, planDraft, type DossierJson } from './index';
import { block, claim, dataOf, dossierOf, relationship } from '../../tests/support/dossier-blocks-fixture';
import type { Claim, Relationship } from '../domain/types';

const AT = '2026-11-25T10:00:00.000Z';
const dated = (id: string, claimedAt: string): Claim => ({ ...claim, id, claimedAt, statement: `Statement ${id}`, evidenceHighlightIds: [] });
const claims = [dated('c-before', '<2019'), dated('c-about', '~2015'), dated('c-after', '>2024-03')];
const rel: Relationship = { ...relationship, id: 'r-q', startDate: '~2015-06', endDate: '<2019' };

function render() {
  const d = dossierOf([
    block('b1', 'claim', 'c-before'), block('b2', 'claim', 'c-after'), block('b3', 'relationship', 'r-q'),
    block('b4', 'entity', 'e-tr'), block('b5', 'timeline', null),
  ]);
  const data = dataOf(d, { claims, relationships: [rel] });
  const resolved = resolveDossier(d, data, { generatedAt: AT });
  return { resolved, data, html: renderDossierHtml(resolved), md: renderDossierMarkdown(resolved), json: JSON.parse(renderDossierJson(resolved, data)) as DossierJson };
}

describe('qualified dates in dossiers', () => {
  it('orders timeline events in time, not as text: about 2015, about 2015-06, before 2019, 2022-10-12, after 2024-03', () => {
    const { resolved } = render();
    const timeline = resolved.sections[0]!.blocks.find((b) => b.kind === 'timeline');
    if (timeline?.kind !== 'timeline') throw new Error('no timeline block');
    expect(timeline.events.map((e) => e.date)).toEqual(['~2015', '~2015-06', '<2019', '2022-10-12', '2022-10-12', '>2024-03']);
  });

  it('HTML says the qualifier in words in claim heads, relationship spans and the timeline, never the stored symbol', () => {
    const { html } = render();
    expect(html).toContain('<span>before 2019</span>');
    expect(html).toContain('<span>after 2024-03</span>');
    expect(html).toContain('<span>about 2015-06 – before 2019</span>');
    expect(html).toContain('<time>about 2015</time>');
    expect(html).toContain('(until before 2019)');
    expect(html).not.toMatch(/&lt;2019|&gt;2024|~2015/);
  });

  it('Markdown says the qualifier in words in claim heads, relationship spans, entity cards and the timeline', () => {
    const { md } = render();
    expect(md).toContain('— Erdoğan, before 2019');
    expect(md).toContain('— Erdoğan, after 2024-03');
    expect(md).toContain('about 2015-06 – before 2019; confidence 80 %');
    expect(md).toContain('(about 2015-06 – before 2019)');
    expect(md).toContain('- **about 2015** · claim');
    expect(md).not.toMatch(/[<>~]20(15|19|24)/);
  });

  it('JSON keeps the stored form on the records and adds the reading in words beside it', () => {
    const { json } = render();
    const before = json.claims.find((c) => c.id === 'c-before')!;
    expect(before.claimedAt).toBe('<2019');
    expect(before.claimedAtInWords).toBe('before 2019');
    const r = json.relationships.find((x) => x.id === 'r-q')!;
    expect([r.startDate, r.endDate]).toEqual(['~2015-06', '<2019']);
    expect(r.datesInWords).toBe('about 2015-06 – before 2019');
  });

  it('the drafted summary gives the span from the earliest to the latest date in words', () => {
    const data = dataOf(undefined, { claims: claims.map((c) => ({ ...c, aboutEntityIds: ['e-kz'] })) });
    let n = 0;
    const plan = planDraft(data, ['e-kz'], () => `id-${++n}`);
    if (!plan.ok) throw new Error(plan.error.join('; '));
    const summary = plan.value.sections[0]!.blocks[0]!.text;
    expect(summary).toContain('dated about 2015 to after 2024-03');
  });
});
