/** suggestEntities: offline entity suggestions for a source text (the UI offers accept / merge / dismiss). */
import { acceptCandidates } from './accept';
import { classify } from './classify';
import { foldForMatch } from './fold';
import { gazetteer } from './gazetteer';
import { groupMentions } from './group';
import { refineRun } from './refine';
import { findRuns } from './runs';
import { tokenize } from './tokenize';
import type { Candidate, EntitySuggestion, KnownEntity } from './types';

function indexKnown(known: readonly KnownEntity[]): Map<string, KnownEntity> {
  const byFold = new Map<string, KnownEntity>();
  for (const entity of known) {
    for (const name of [entity.name, ...entity.aliases]) {
      const key = foldForMatch(name);
      if (key && !byFold.has(key)) byFold.set(key, entity);
    }
  }
  return byFold;
}

/**
 * Suggest the people, organisations, places and events a text names, in one linear pass:
 * capitalisation runs → title/determiner/demonym stripping → gazetteer, structure and lexicon typing →
 * compromise in context for doubtful words only → grouping (surnames into full names, acronyms,
 * known-entity aliases). Sorted by mentions, most first.
 */
export function suggestEntities(text: string, known: readonly KnownEntity[] = []): EntitySuggestion[] {
  const knownByFold = indexKnown(known);
  const tokenized = tokenize(text);
  const ctx = { text, gazetteer: gazetteer(), knownFolds: new Set(knownByFold.keys()), lowercaseWords: tokenized.lowercaseWords };
  const candidates: Candidate[] = [];
  for (const run of findRuns(tokenized.tokens, text)) candidates.push(...refineRun(ctx, run));
  const typings = candidates.map((c) => classify(c, knownByFold));
  const mentions = acceptCandidates(text, tokenized, candidates, typings);
  return groupMentions(mentions, knownByFold);
}
