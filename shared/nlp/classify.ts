/** First-pass typing of a candidate from known entities, gazetteer, titles, structure and first-name lexicons. */
import type { EntityType } from '../domain/types';
import { isFirstName, isLastName } from './compromiseTags';
import { foldForMatch } from './fold';
import { structuralType } from './structure';
import type { Candidate, Evidence, KnownEntity } from './types';

export interface Typing {
  type: EntityType;
  evidence: Evidence;
}

const capitalisedWords = (c: Candidate): string[] => c.words.filter((w) => /^\p{Lu}/u.test(w));

/** Type and evidence of a candidate before any sentence-level (compromise) context is consulted. */
export function classify(c: Candidate, known: Map<string, KnownEntity>): Typing {
  const knownEntity = known.get(foldForMatch(c.surface));
  if (knownEntity) return { type: knownEntity.type, evidence: 'known' };
  if (c.gazetteer) return { type: c.gazetteer.type, evidence: 'gazetteer' };
  const structure = structuralType(c.words);
  if (structure) return { type: structure, evidence: 'structure' };
  if (c.personCue) return { type: 'person', evidence: 'title' };
  const words = capitalisedWords(c);
  const first = words[0]?.toLowerCase() ?? '';
  const last = words[words.length - 1]?.toLowerCase() ?? '';
  if (words.length >= 2) {
    if (isFirstName(first) || isLastName(last)) return { type: 'person', evidence: 'first-name' };
    return { type: 'other', evidence: 'multiword' };
  }
  if (isLastName(first)) return { type: 'person', evidence: 'first-name' };
  return { type: 'other', evidence: 'single' };
}

/** Evidence strong enough that the candidate needs no further confirmation. */
export function isStrong(evidence: Evidence): boolean {
  return evidence === 'known' || evidence === 'gazetteer' || evidence === 'title' || evidence === 'structure';
}
