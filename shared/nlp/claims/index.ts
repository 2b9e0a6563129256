/** Public API of shared/nlp/claims: offline suggested claims from quotations and reported speech. */
import { suggestEntities } from '../suggest';
import type { EntitySuggestion, KnownEntity } from '../types';
import { extractClaims, type Mention } from './extract';
import type { ClaimSuggestion } from './types';
export type { ClaimSuggestion, ClaimantSpan } from './types';

/** Every occurrence of every entity suggestion, named as the suggestion is (so a surname maps to the full name). */
function mentionsOf(text: string, entities: EntitySuggestion[]): Mention[] {
  return entities.flatMap((e) => e.occurrences.map((o) => ({
    start: o.start, end: o.end, name: e.name, surface: text.slice(o.start, o.end), type: e.type, entityId: e.matchesEntityId,
  })));
}

/**
 * Suggested claims of a text: quotations and reported speech ('“…,” Erdoğan said', 'X said that …', 'according to X',
 * 'по словам X', 'X айтуынша', "X'e göre"), each with its claimant, statement, type guess and evidence span.
 * Pass the entity suggestions when they are already computed, to avoid a second pass.
 */
export function suggestClaims(text: string, known: readonly KnownEntity[] = [], entities?: EntitySuggestion[]): ClaimSuggestion[] {
  return extractClaims(text, mentionsOf(text, entities ?? suggestEntities(text, known)));
}
