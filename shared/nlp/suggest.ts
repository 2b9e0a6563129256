/** suggestEntities: offline entity suggestions for a source text (the UI offers accept / merge / dismiss). */
import { acceptCandidates } from './accept';
import { classify, type Typing } from './classify';
import { contextType } from './context';
import { LEGAL_SUFFIXES } from './data/context-words';
import { foldForMatch } from './fold';
import { gazetteer, lookupGazetteer } from './gazetteer';
import { groupMentions } from './group';
import { institutionCandidates } from './institutions';
import { refineRun } from './refine';
import { findRuns } from './runs';
import { tokenize } from './tokenize';
import type { Candidate, EntitySuggestion, Evidence, KnownEntity, TypedMention } from './types';

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

/** Evidence that sentence context may overrule: explicit cues ('X, a logistics firm,') beat guesses and word shapes. */
const OVERRULED_BY_STRONG = new Set<Evidence>(['single', 'multiword', 'compromise', 'first-name', 'structure']);
const OVERRULED_BY_WEAK = new Set<Evidence>(['single', 'multiword', 'compromise']);

/** Retype a mention from what its sentence says about it (roles, appositions, suffixes, datelines, 'X said'). */
function withContext(text: string, m: TypedMention): TypedMention {
  const context = contextType(text, m.start, m.end, m.words);
  if (!context || context.type === m.type) return m;
  const overrules = context.strong ? OVERRULED_BY_STRONG.has(m.evidence) : OVERRULED_BY_WEAK.has(m.evidence) || m.type === 'other';
  return overrules ? { ...m, type: context.type, evidence: 'context' } : m;
}

/** Institution names take precedence over the capitalised fragments inside them, except nested gazetteer places. */
function mergeInstitutions(candidates: Candidate[], institutions: Candidate[]): Candidate[] {
  if (institutions.length === 0) return candidates;
  const inside = (c: Candidate): boolean => institutions.some((i) => c.start < i.end && c.end > i.start);
  const kept = candidates.filter((c) => !inside(c) || c.gazetteer?.type === 'place');
  return [...kept, ...institutions].sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Suggest the people, organisations, places and events a text names, in one linear pass:
 * capitalisation runs → title/determiner/demonym stripping → gazetteer, structure and lexicon typing →
 * compromise in context for doubtful words only → sentence-context typing → grouping (surnames into full
 * names, acronyms, case forms, known-entity aliases). Sorted by mentions, most first.
 */
export function suggestEntities(text: string, known: readonly KnownEntity[] = []): EntitySuggestion[] {
  const knownByFold = indexKnown(known);
  const tokenized = tokenize(text);
  const ctx = { text, gazetteer: gazetteer(), knownFolds: new Set(knownByFold.keys()), lowercaseWords: tokenized.lowercaseWords };
  const runCandidates: Candidate[] = [];
  for (const run of findRuns(tokenized.tokens, text)) runCandidates.push(...refineRun(ctx, run));
  const sentenceOf = (offset: number): number => {
    let s = 0;
    while (s + 1 < tokenized.sentenceStarts.length && (tokenized.sentenceStarts[s + 1] ?? Infinity) <= offset) s += 1;
    return s;
  };
  const institutions = new Set(institutionCandidates(text, ctx.gazetteer, sentenceOf));
  // 'ҰК АҚ', 'ООО': legal forms on their own name nothing.
  const named = runCandidates.filter((c) => !c.words.every((w) => LEGAL_SUFFIXES.has(w.toLowerCase())));
  const candidates = mergeInstitutions(named, [...institutions]);
  // 'МИД Украины': a known organisation followed by a place in the genitive is that organisation of that place.
  const ofPlace = (c: Candidate): boolean => c.words.length === 2 && !c.gazetteer
    && lookupGazetteer(ctx.gazetteer, c.words[0] ?? '')?.type === 'organisation'
    && lookupGazetteer(ctx.gazetteer, c.words[1] ?? '')?.type === 'place';
  const typings: Typing[] = candidates.map((c) => (institutions.has(c) || ofPlace(c)
    ? { type: 'organisation', evidence: 'structure' } : classify(c, knownByFold)));
  const mentions = acceptCandidates(text, tokenized, candidates, typings).map((m) => withContext(text, m));
  return groupMentions(mentions, knownByFold);
}
