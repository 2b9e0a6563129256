/** In-memory records for the renderer tests: a small source, hostile strings, a claim, a relationship, a dossier. */
import { WorkspaceState } from '../../shared/domain/state';
import type { Claim, Dossier, DossierBlock, Entity, Highlight, Relationship, Source } from '../../shared/domain/types';
import type { DossierData } from '../../shared/dossier/model';

export const HOSTILE = '<script>alert("x")</script>';
export const TEXT = 'First paragraph about Ankara.\n\nSecond paragraph: Türkiye backs Kazakhstan & its <b>integrity</b>.\n\nThird one, Erdoğan said “yes”.';

const T = '2026-01-02T03:04:05.000Z';
const quoteAt = (exact: string, id: string, sourceId = 'src-1'): Highlight => {
  const start = TEXT.indexOf(exact);
  return {
    id, sourceId, color: 'yellow', quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length }, tagIds: [], note: `note ${HOSTILE}`, entityIds: ['e-tr'], createdAt: T, updatedAt: T,
  };
};

export const source: Source = {
  id: 'src-1', kind: 'text', fileName: 'a.txt', contentHash: 'h'.repeat(64), textLength: TEXT.length,
  meta: { title: `Report ${HOSTILE}`, authors: ['Ann Author'], publisher: 'Agency', publishedAt: '2022-10-12', url: 'https://example.org/r?a=1&b=2', language: 'en' },
  reliability: 'B', createdAt: T, updatedAt: T,
};
const entity = (id: string, name: string, type: Entity['type'] = 'place'): Entity => ({ id, type, name, aliases: [], description: '', createdAt: T, updatedAt: T });
export const entities = [entity('e-tr', 'Türkiye'), entity('e-kz', 'Kazakhstan'), entity('e-er', 'Erdoğan', 'person'), entity('e-x', `Evil ${HOSTILE}`, 'other')];
export const highlights = [quoteAt('Türkiye backs Kazakhstan', 'h-2'), quoteAt('Erdoğan said “yes”', 'h-3')];
export const claim: Claim = {
  id: 'c-1', claimantId: 'e-er', statement: `Türkiye backs Kazakhstan ${HOSTILE}`, type: 'fact', claimedAt: '2022-10-12', credibility: 2,
  evidenceHighlightIds: ['h-2'], aboutEntityIds: ['e-kz'], supports: [], contradicts: [], tagIds: [], createdAt: T, updatedAt: T,
};
export const relationship: Relationship = {
  id: 'r-1', fromId: 'e-tr', toId: 'e-kz', type: 'supports', startDate: '2022-10-12', endDate: '', confidence: 0.8, note: HOSTILE,
  evidenceHighlightIds: ['h-3', 'h-2'], evidenceClaimIds: [], createdAt: T, updatedAt: T,
};

export const block = (id: string, kind: DossierBlock['kind'], refId: string | null, text = ''): DossierBlock => ({ id, kind, refId, text });

export function dossierOf(blocks: DossierBlock[], over: Partial<Dossier> = {}): Dossier {
  return {
    id: 'd-stable-1', title: `Dossier ${HOSTILE}`, subjectIds: ['e-tr', 'e-kz'], author: `Ayşe ${HOSTILE}`,
    sections: [{ id: 'sec-1', title: `Section ${HOSTILE}`, blocks }], createdAt: T, updatedAt: T, ...over,
  };
}

export function dataOf(dossier?: Dossier, extra: { highlights?: Highlight[]; claims?: Claim[]; relationships?: Relationship[] } = {}): DossierData {
  const state = WorkspaceState.fromJson({
    sources: { [source.id]: source },
    entities: Object.fromEntries(entities.map((e) => [e.id, e])),
    highlights: Object.fromEntries([...highlights, ...(extra.highlights ?? [])].map((h) => [h.id, h])),
    claims: Object.fromEntries([claim, ...(extra.claims ?? [])].map((c) => [c.id, c])),
    relationships: Object.fromEntries([relationship, ...(extra.relationships ?? [])].map((r) => [r.id, r])),
    dossiers: dossier ? { [dossier.id]: dossier } : {},
  });
  return { get: (c, id) => state.get(c, id), all: (c) => state.all(c), textOf: (s) => (s.id === source.id ? TEXT : null) };
}
