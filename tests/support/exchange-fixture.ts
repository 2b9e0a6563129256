/** Test fixture for the STIX and FtM exports: the sample workspace plus an organisation, an event, places and a tagged threat actor. */
import type { Claim, Entity, EntityType, Relationship } from '../../shared/domain/types';
import { ok } from '../../shared/domain/result';
import { newId, now } from '../../electron/services/workbench/workbench';
import { importText, updateSourceMeta } from '../../electron/services/workbench/sources';
import { createHighlight, updateHighlight } from '../../electron/services/workbench/highlights';
import { createTag } from '../../electron/services/workbench/tags';
import { buildSampleWorkspace, type SampleWorkspace } from './dossier-fixture';
import { sampleArticle, tempDir } from '../unit/helpers';

/** A second, made-up report: the actor names are fictitious. */
export const SECURITY_REPORT = `Researchers attribute the intrusion at a ministry in Astana to the group known as Steppe Wolf.
The same activity cluster is tracked as Cluster-77 by other vendors, who link it to Steppe Wolf.`;

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export interface ExchangeWorkspace extends SampleWorkspace {
  reportId: string;
  x: Record<'cica' | 'akp' | 'summit' | 'ministry' | 'astana' | 'wolf' | 'cluster' | 'order' | 'asia', Entity>;
  more: Record<'member' | 'party' | 'chair' | 'employed' | 'summit' | 'targets' | 'attributed' | 'locatedAt', Relationship>;
  contra: Claim;
}

export async function buildExchangeWorkspace(): Promise<ExchangeWorkspace> {
  const base = await buildSampleWorkspace(tempDir('wb-exchange-'), sampleArticle());
  const { wb } = base;
  const report = must(await importText(wb, SECURITY_REPORT, 'Steppe Wolf activity')).source;
  must(updateSourceMeta(wb, report.id, { publisher: 'Example Security Blog', language: 'en' }, 'D'));
  const t = now();
  const entity = (name: string, type: EntityType, aliases: string[] = []): Entity =>
    ({ id: newId(), type, name, aliases, description: '', createdAt: t, updatedAt: t });
  const x = {
    cica: entity('Conference on Interaction and Confidence Building Measures in Asia', 'organisation', ['CICA']),
    akp: entity('Justice and Development Party', 'organisation', ['AK Party']),
    summit: entity('CICA summit', 'event'),
    ministry: entity('Turkish Ministry of Foreign Affairs', 'organisation'),
    astana: entity('Astana', 'place'),
    wolf: entity('Steppe Wolf', 'organisation'),
    cluster: entity('Cluster-77', 'other'),
    order: entity('Order of Friendship', 'other'),
    asia: entity('Central Asia', 'place'),
  };
  must(wb.run('Entities', () => ok({ ops: Object.values(x).map((v) => ({ t: 'put' as const, c: 'entities' as const, v })), value: null })));
  const text = wb.store.texts.get(report.contentHash)!;
  const mark = (exact: string, entityIds: string[], tagIds: string[]) => {
    const start = text.indexOf(exact);
    const hl = must(createHighlight(wb, { sourceId: report.id, start, end: start + exact.length, color: 'pink', tagIds, note: '' }));
    must(wb.run('Link', () => ok({ ops: [{ t: 'put', c: 'highlights', v: { ...hl, entityIds } }], value: null })));
    return hl.id;
  };
  const threat = must(createTag(wb, { name: 'Threat-Actor', parentId: null }));
  const intrusion = must(createTag(wb, { name: 'Intrusion set', parentId: null }));
  const wolfPassage = mark('to the group known as Steppe Wolf', [x.wolf.id], [threat.id]);
  mark('tracked as Cluster-77', [x.cluster.id], [intrusion.id]);
  must(updateHighlight(wb, { id: base.h.ceasefire, note: 'Çavuşoğlu on the war in Ukraine' }));
  const rel = (fromId: string, toId: string, type: string, over: Partial<Relationship> = {}): Relationship => ({
    id: newId(), fromId, toId, type, startDate: '', endDate: '', confidence: 0.6, note: '', evidenceHighlightIds: [], evidenceClaimIds: [],
    createdAt: t, updatedAt: t, ...over,
  });
  const more = {
    member: rel(base.e.kz.id, x.cica.id, 'member_of'),
    party: rel(base.e.erdogan.id, x.akp.id, 'member_of'),
    chair: rel(base.e.tokayev.id, x.cica.id, 'chairman of', { startDate: '2022' }),
    employed: rel(base.e.cavusoglu.id, x.ministry.id, 'works for', { startDate: '2015-11', note: 'Minister since November 2015.' }),
    summit: rel(base.e.erdogan.id, x.summit.id, 'attends', { startDate: '2022-10-13' }),
    targets: rel(x.wolf.id, x.astana.id, 'targets', { evidenceHighlightIds: [wolfPassage], confidence: 0.4 }),
    attributed: rel(x.cluster.id, x.wolf.id, 'attributed to'),
    locatedAt: rel(x.astana.id, base.e.kz.id, 'located_in'),
  };
  const contra: Claim = {
    id: newId(), claimantId: null, statement: 'Steppe Wolf is a Kazakh state group.', type: 'assessment', claimedAt: '', credibility: 5,
    evidenceHighlightIds: [wolfPassage], aboutEntityIds: [x.wolf.id], supports: [], contradicts: [base.c.partner.id], tagIds: [], createdAt: t, updatedAt: t,
  };
  must(wb.run('More', () => ok({ ops: [
    ...Object.values(more).map((v) => ({ t: 'put' as const, c: 'relationships' as const, v })),
    { t: 'put' as const, c: 'claims' as const, v: contra },
  ], value: null })));
  return { ...base, reportId: report.id, x, more, contra };
}
