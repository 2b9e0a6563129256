/** Test fixture: the sample article with entities, passages, claims and relationships about Türkiye and Kazakhstan. */
import type { Claim, Entity, EntityType, Relationship } from '../../shared/domain/types';
import { ok } from '../../shared/domain/result';
import { Workbench, newId, now } from '../../electron/services/workbench/workbench';
import { importFile, updateSourceMeta } from '../../electron/services/workbench/sources';
import { createHighlight } from '../../electron/services/workbench/highlights';

export const SENTENCE = 'We will continue to support the stability, peace, sovereignty and territorial integrity of brotherly Kazakhstan';
export const PARTNER = 'Türkiye is the "closest and most reliable" strategic partner of Kazakhstan';
export const CEASEFIRE = 'A cease-fire must be established as soon as possible. The sooner the better';
export const SOURCE_TITLE = 'Türkiye will continue to support Kazakhstan’s territorial integrity: Erdoğan';

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export interface SampleWorkspace {
  wb: Workbench;
  sourceId: string;
  text: string;
  e: Record<'tr' | 'kz' | 'erdogan' | 'tokayev' | 'cavusoglu', Entity>;
  h: Record<'support' | 'partner' | 'ceasefire', string>;
  c: Record<'support' | 'partner', Claim>;
  r: Record<'supports' | 'cavusoglu', Relationship>;
}

export async function buildSampleWorkspace(dir: string, article: Uint8Array): Promise<SampleWorkspace> {
  const wb = await Workbench.open(dir);
  const source = must(await importFile(wb, 'sample-article.txt', article)).source;
  must(updateSourceMeta(wb, source.id, {
    title: SOURCE_TITLE, publisher: 'Anadolu Agency', publishedAt: '2022-10-12', url: 'https://www.aa.com.tr/en/politics/turkiye-kazakhstan/2708101',
  }, 'B'));
  const text = wb.store.texts.get(source.contentHash)!;
  const t = now();
  const entity = (name: string, type: EntityType, aliases: string[] = [], description = ''): Entity =>
    ({ id: newId(), type, name, aliases, description, createdAt: t, updatedAt: t });
  const e = {
    tr: entity('Türkiye', 'place', ['Turkey']),
    kz: entity('Kazakhstan', 'place', [], 'Central Asian republic; independent since December 1991.'),
    erdogan: entity('Recep Tayyip Erdoğan', 'person', ['Erdoğan'], 'President of Türkiye.'),
    tokayev: entity('Kassym-Jomart Tokayev', 'person', ['Tokayev'], 'President of Kazakhstan.'),
    cavusoglu: entity('Mevlüt Çavuşoğlu', 'person', ['Çavuşoğlu'], 'Foreign Minister of Türkiye.'),
  };
  must(wb.run('Entities', () => ok({ ops: Object.values(e).map((v) => ({ t: 'put' as const, c: 'entities' as const, v })), value: null })));
  const mark = (exact: string, entityIds: string[]) => {
    const start = text.indexOf(exact);
    if (start < 0) throw new Error(`not in the sample: ${exact}`);
    const hl = must(createHighlight(wb, { sourceId: source.id, start, end: start + exact.length, color: 'yellow', tagIds: [], note: '' }));
    must(wb.run('Link', () => ok({ ops: [{ t: 'put', c: 'highlights', v: { ...hl, entityIds } }], value: null })));
    return hl.id;
  };
  const h = {
    support: mark(SENTENCE, [e.kz.id, e.erdogan.id]),
    partner: mark(PARTNER, [e.tr.id, e.kz.id, e.tokayev.id]),
    ceasefire: mark(CEASEFIRE, [e.cavusoglu.id]),
  };
  const claim = (over: Partial<Claim>): Claim => ({
    id: newId(), claimantId: null, statement: '', type: 'fact', claimedAt: '', credibility: 6, evidenceHighlightIds: [], aboutEntityIds: [],
    supports: [], contradicts: [], tagIds: [], createdAt: t, updatedAt: t, ...over,
  });
  const c = {
    support: claim({ claimantId: e.erdogan.id, statement: 'Türkiye will continue to support Kazakhstan’s stability, sovereignty and territorial integrity.',
      type: 'intention', claimedAt: '2022-10-12', credibility: 2, evidenceHighlightIds: [h.support], aboutEntityIds: [e.kz.id, e.tr.id] }),
    partner: claim({ claimantId: e.tokayev.id, statement: 'Türkiye is Kazakhstan’s closest and most reliable strategic partner.',
      type: 'assessment', claimedAt: '2022-10-12', credibility: 3, evidenceHighlightIds: [h.partner], aboutEntityIds: [e.tr.id, e.kz.id] }),
  };
  const rel = (over: Partial<Relationship>): Relationship => ({
    id: newId(), fromId: '', toId: '', type: 'supports', startDate: '', endDate: '', confidence: 0.7, note: '', evidenceHighlightIds: [],
    evidenceClaimIds: [], createdAt: t, updatedAt: t, ...over,
  });
  const r = {
    supports: rel({ fromId: e.tr.id, toId: e.kz.id, type: 'supports', startDate: '2022-10-12', confidence: 0.8, evidenceHighlightIds: [h.support], evidenceClaimIds: [c.support.id] }),
    cavusoglu: rel({ fromId: e.cavusoglu.id, toId: e.tr.id, type: 'foreign minister of', evidenceHighlightIds: [h.ceasefire], confidence: 0.9 }),
  };
  const more = [
    rel({ fromId: e.erdogan.id, toId: e.tr.id, type: 'leads', confidence: 1 }),
    rel({ fromId: e.tokayev.id, toId: e.kz.id, type: 'leads', confidence: 1 }),
    rel({ fromId: e.erdogan.id, toId: e.tokayev.id, type: 'meets_with', startDate: '2022-10-12', endDate: '2022-10-13', evidenceHighlightIds: [h.partner] }),
  ];
  must(wb.run('Analysis', () => ok({
    ops: [...Object.values(c).map((v) => ({ t: 'put' as const, c: 'claims' as const, v })),
      ...[...Object.values(r), ...more].map((v) => ({ t: 'put' as const, c: 'relationships' as const, v }))],
    value: null,
  })));
  return { wb, sourceId: source.id, text, e, h, c, r };
}
