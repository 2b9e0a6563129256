/** The entity page: linked passages, mentions found in every source text, claims by and about it, its relationships. */
import { ok } from '../../../shared/domain/result';
import type { Entity } from '../../../shared/domain/types';
import type { EntityPage, PassageRef } from '../../../shared/contract/views-analysis';
import { findMentions, foldWithOrigins, type FoldedWithOrigins } from '../../../shared/domain/analysis/mentions';
import { fail, type ServiceResult, type Workbench } from './workbench';
import { highlightPassage, textPassage } from './passages';
import { ClaimContext } from './claims';
import { relationshipView } from './relationships';

const MAX_TEXT_MENTIONS = 200;

/** Source texts never change (content-addressed), so their folded forms can be kept; bounded by total length. */
const foldedCache = new Map<string, FoldedWithOrigins>();
const CACHE_MAX_CHARS = 8_000_000;

function foldedText(hash: string, text: string): FoldedWithOrigins {
  const hit = foldedCache.get(hash);
  if (hit) {
    foldedCache.delete(hash);
    foldedCache.set(hash, hit); // most recently used last
    return hit;
  }
  const folded = foldWithOrigins(text);
  foldedCache.set(hash, folded);
  let total = 0;
  for (const f of foldedCache.values()) total += f.text.length;
  for (const [key, f] of foldedCache) {
    if (total <= CACHE_MAX_CHARS || key === hash) break;
    foldedCache.delete(key);
    total -= f.text.length;
  }
  return folded;
}

/** Every whole-word mention of the entity's name or aliases across all sources: the first `cap` as passages, and the total. */
export function textMentions(wb: Workbench, entity: Entity, cap = MAX_TEXT_MENTIONS): { passages: PassageRef[]; total: number } {
  const names = [entity.name, ...entity.aliases];
  const passages: PassageRef[] = [];
  let total = 0;
  const sources = wb.state.all('sources').sort((a, b) => a.meta.title.localeCompare(b.meta.title) || a.createdAt.localeCompare(b.createdAt));
  for (const source of sources) {
    const text = wb.store.texts.get(source.contentHash);
    if (text === null) continue;
    const found = findMentions(text, names, foldedText(source.contentHash, text));
    total += found.length;
    for (const m of found) {
      if (passages.length >= cap) break;
      passages.push(textPassage(source, text, m.start, m.end));
    }
  }
  return { passages, total };
}

export function getEntityPage(wb: Workbench, id: string): ServiceResult<EntityPage, 'not_found'> {
  const s = wb.state;
  const entity = s.get('entities', id);
  if (!entity) return fail('not_found', `No entity with id ${id}.`);
  const claims = new ClaimContext(s);
  const linkedPassages = s.all('highlights')
    .filter((h) => h.entityIds.includes(id))
    .map((h) => highlightPassage(s, h))
    .sort((a, b) => a.sourceTitle.localeCompare(b.sourceTitle) || a.sourceId.localeCompare(b.sourceId) || a.start - b.start);
  const mentions = textMentions(wb, entity);
  const all = s.all('claims');
  return ok({
    entity,
    linkedPassages,
    textMentions: mentions.passages,
    textMentionTotal: mentions.total,
    claimsBy: all.filter((c) => c.claimantId === id).map((c) => claims.view(c)),
    claimsAbout: all.filter((c) => c.aboutEntityIds.includes(id)).map((c) => claims.view(c)),
    relationships: s.all('relationships').filter((r) => r.fromId === id || r.toId === id).map((r) => relationshipView(s, r, claims)),
  });
}
