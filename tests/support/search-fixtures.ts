/** Test-only builders of workspace records for the search tests (not exported from the package index). */
import type { Claim, Dossier, Entity, Highlight, Source } from '../../shared/domain/types';

const AT = '2024-01-01T00:00:00.000Z';

export function makeSource(id: string, text: string, meta: Partial<Source['meta']> = {}, createdAt = AT): Source {
  return {
    id, kind: 'text', fileName: `${id}.txt`, contentHash: `hash-${id}`, textLength: text.length,
    meta: { title: '', authors: [], publisher: '', publishedAt: '', url: '', language: 'en', ...meta },
    reliability: 'C', createdAt, updatedAt: createdAt,
  };
}

/** A highlight over text.slice(start, end) of the given source text. */
export function makeHighlight(id: string, sourceId: string, text: string, start: number, end: number, extra: Partial<Highlight> = {}): Highlight {
  return {
    id, sourceId, color: 'yellow',
    quote: { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end },
    tagIds: [], note: '', entityIds: [], createdAt: AT, updatedAt: AT, ...extra,
  };
}

export function makeClaim(id: string, statement: string, extra: Partial<Claim> = {}): Claim {
  return {
    id, claimantId: null, statement, type: 'fact', claimedAt: '', credibility: 3, evidenceHighlightIds: [],
    aboutEntityIds: [], supports: [], contradicts: [], tagIds: [], createdAt: AT, updatedAt: AT, ...extra,
  };
}

export function makeEntity(id: string, name: string, extra: Partial<Entity> = {}): Entity {
  return { id, type: 'person', name, aliases: [], description: '', createdAt: AT, updatedAt: AT, ...extra };
}

export function makeDossier(id: string, title: string): Dossier {
  return { id, title, subjectIds: [], author: '', sections: [], createdAt: AT, updatedAt: AT };
}
