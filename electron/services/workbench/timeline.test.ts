/** The timeline on a real temp workspace: spans and labels of partial and qualified dates, events, filters, the contract's date schema. */
import { describe, expect, it } from 'vitest';
import { analysisFixture, unwrap } from '../../../tests/support/analysis-fixture';
import { api } from '../../../shared/contract/api';
import { createClaim, listClaims } from './claims';
import { createEntity } from './entities';
import { createRelationship } from './relationships';
import { updateHighlight } from './highlights';
import { createTag } from './tags';
import { getTimeline } from './timeline';

const rel = { type: 'meets_with', startDate: '', endDate: '', confidence: 0.7, note: '', evidenceHighlightIds: [] as string[], evidenceClaimIds: [] as string[] };

async function dated() {
  const f = await analysisFixture();
  const { wb, article, report, highlight } = f;
  const person = (name: string) => unwrap(createEntity(wb, { type: 'person', name, aliases: [], description: '' })).entity;
  const erdogan = person('Recep Tayyip Erdoğan');
  const tokayev = person('Kassym-Jomart Tokayev');
  const summit = unwrap(createEntity(wb, { type: 'event', name: 'Astana summit', aliases: [], description: '' })).entity;
  const h = highlight(article, 'President Recep Tayyip Erdoğan said Wednesday');
  const h2 = highlight(report, 'signed agreements on trade and energy');
  const claim = unwrap(createClaim(wb, {
    claimantId: tokayev.id, statement: 'Kazakhstan supports Türkiye', type: 'fact', claimedAt: '2024-03', credibility: 2,
    evidenceHighlightIds: [h2.id], aboutEntityIds: [erdogan.id], tagIds: [],
  }));
  const before = unwrap(createRelationship(wb, { ...rel, fromId: erdogan.id, toId: tokayev.id, startDate: '<2019', evidenceHighlightIds: [h.id] }));
  const span = unwrap(createRelationship(wb, { ...rel, fromId: tokayev.id, toId: summit.id, type: 'participates_in', startDate: '2019', endDate: '>2021-06' }));
  const undatedRel = unwrap(createRelationship(wb, { ...rel, fromId: tokayev.id, toId: erdogan.id }));
  return { ...f, erdogan, tokayev, summit, claim, before, span, undatedRel, h, h2 };
}

describe('timeline.get', () => {
  it('places dated claims and relationships with their spans and labels, and counts the undated', async () => {
    const { wb, claim, before, span } = await dated();
    const t = getTimeline(wb);
    const byId = new Map(t.items.map((i) => [i.id, i]));
    expect(byId.get(`claim:${claim.id}`)).toMatchObject({ kind: 'claim', dateLabel: 'March 2024', earliest: '2024-03-01', latest: '2024-03-31', qualified: false, grade: 'C2' });
    expect(byId.get(`claim:${claim.id}`)?.title).toBe('Kassym-Jomart Tokayev: Kazakhstan supports Türkiye');
    expect(byId.get(`relationship:${before.id}`)).toMatchObject({ dateLabel: 'before 2019', earliest: null, latest: '2018-12-31', qualified: true });
    expect(byId.get(`relationship:${span.id}`)).toMatchObject({ dateLabel: '2019 – after June 2021', earliest: '2019-01-01', latest: null, qualified: true });
    expect(t.undated).toEqual({ claim: 0, relationship: 1, event: 0 });
    // In time order by where they are drawn from.
    expect(t.items.map((i) => i.drawStart)).toEqual([...t.items.map((i) => i.drawStart)].sort());
  });

  it('dates an event from its relationships, else from claims about it ("reported …")', async () => {
    const f = await dated();
    const ev = getTimeline(f.wb, { kinds: ['event'] }).items;
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ recordId: f.summit.id, dateLabel: '2019 – after June 2021', basis: { relationshipIds: [f.span.id], claimIds: [] } });
    const forum = unwrap(createEntity(f.wb, { type: 'event', name: 'Turkic forum', aliases: [], description: '' })).entity;
    const said = unwrap(createClaim(f.wb, { claimantId: null, statement: 'The forum met', type: 'fact', claimedAt: '~2015', credibility: 6, evidenceHighlightIds: [], aboutEntityIds: [forum.id], tagIds: [] }));
    const forumItem = getTimeline(f.wb, { kinds: ['event'] }).items.find((i) => i.recordId === forum.id);
    expect(forumItem).toMatchObject({ dateLabel: 'reported about 2015', qualified: true, basis: { relationshipIds: [], claimIds: [said.id] } });
  });

  it('filters by kind, entity type, tag, source, grade and date range', async () => {
    const { wb, claim, before, span, report, h } = await dated();
    const ids = (q: Parameters<typeof getTimeline>[1]) => getTimeline(wb, q).items.map((i) => i.recordId).sort();
    expect(ids({ kinds: ['claim'] })).toEqual([claim.id]);
    // No event type: the relationship to the summit and the summit itself go; person-to-person and the claim stay.
    expect(ids({ entityTypes: ['person'] })).toEqual([claim.id, before.id].sort());
    expect(ids({ sourceId: report.id })).toEqual([claim.id]);
    expect(ids({ grade: 'B' }).includes(claim.id)).toBe(false);
    expect(ids({ grade: 'C2' }).includes(claim.id)).toBe(true);
    const tag = unwrap(createTag(wb, { name: 'Meetings', parentId: null }));
    unwrap(updateHighlight(wb, { id: h.id, tagIds: [tag.id] }));
    expect(ids({ tagId: tag.id })).toEqual([before.id]);
    // "before 2019" reaches back indefinitely; "2019 – after June 2021" reaches forward.
    expect(ids({ kinds: ['relationship'], to: '2010' })).toEqual([before.id]);
    expect(ids({ kinds: ['relationship'], from: '2030' })).toEqual([span.id]);
    expect(ids({ kinds: ['claim'], from: '2024-04' })).toEqual([]);
  });
});

describe('qualified dates in the contract and in claim sorting', () => {
  it('accepts qualified claim and relationship dates, rejects bad ones clearly, and keeps publication dates plain', () => {
    const claimReq = (claimedAt: string) => api['claims.create'].request.safeParse({
      claimantId: null, statement: 's', type: 'fact', claimedAt, credibility: 6, evidenceHighlightIds: [], aboutEntityIds: [], tagIds: [],
    });
    for (const good of ['', '2019', '<2019', '>2024-03', '~2015-05-02']) expect(claimReq(good).success, good).toBe(true);
    const bad = claimReq('before 2019');
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain('optionally prefixed by < (before)');
    expect(claimReq('2023-02-29').success).toBe(false);
    expect(api['relationships.update'].request.safeParse({ id: 'r', endDate: '~2020' }).success).toBe(true);
    expect(api['sources.updateMeta'].request.safeParse({ id: 's', patch: { publishedAt: '<2019' } }).success).toBe(false);
  });

  it('sorts claims by date in time, qualified ones beside their date', async () => {
    const { wb } = await dated();
    for (const claimedAt of ['<2019', '2020', '2018-06']) {
      unwrap(createClaim(wb, { claimantId: null, statement: claimedAt, type: 'fact', claimedAt, credibility: 6, evidenceHighlightIds: [], aboutEntityIds: [], tagIds: [] }));
    }
    expect(listClaims(wb, { sort: 'date' }).map((c) => c.claimedAt)).toEqual(['2024-03', '2020', '<2019', '2018-06']);
  });
});
