/** Public and internal shapes of the entity-suggestion pipeline. */
import type { EntityType } from '../domain/types';

/** An entity the workspace already has, for alias matching and typing. */
export interface KnownEntity {
  id: string;
  name: string;
  aliases: string[];
  type: EntityType;
}

/** Half-open UTF-16 range [start, end) into the source text. */
export interface TextSpan {
  start: number;
  end: number;
}

/** One suggested entity: the UI offers accept / merge / dismiss, nothing is created automatically. */
export interface EntitySuggestion {
  name: string;
  type: EntityType;
  /** Number of occurrences (every surface form, nested ones included). */
  mentions: number;
  /** Where each surface form occurs, sorted by start; text.slice(start, end) is the exact surface form. */
  occurrences: TextSpan[];
  /**
   * Distinct surface forms merged into this suggestion, most frequent first, whitespace collapsed
   * (a name wrapped across lines is one variant). Titles are not part of them.
   */
  variants: string[];
  /** A known entity whose name or alias folds equal to the name or a variant. */
  matchesEntityId: string | null;
  /** 0..1: how sure the rules are that this is a real, correctly typed entity. */
  confidence: number;
}

/** How a mention earned its type; the number is its weight in type votes and confidence. */
export type Evidence =
  | 'known' | 'gazetteer' | 'title' | 'context' | 'structure' | 'first-name' | 'compromise' | 'multiword' | 'single';

export const EVIDENCE_WEIGHT: Record<Evidence, number> = {
  known: 0.95, gazetteer: 0.9, title: 0.85, context: 0.8, structure: 0.75, 'first-name': 0.75,
  compromise: 0.65, multiword: 0.55, single: 0.45,
};

/** A name-shaped span left after stripping titles, determiners and demonyms. */
export interface Candidate extends TextSpan {
  /** Exact surface text (text.slice(start, end)). */
  surface: string;
  /** Surface text of each token, in order. */
  words: string[];
  /** True when the first word opens a sentence (its capital letter proves nothing). */
  sentenceInitial: boolean;
  /** A title ('President …') or a cue word ('spokesperson …') introduced it. */
  personCue: boolean;
  /** Index of the sentence it is in (for compromise context). */
  sentence: number;
  /** Set when a gazetteer entry matched the whole span: its canonical name and type. */
  gazetteer: { canonical: string; type: EntityType } | null;
  /** An all-caps token written in parentheses right after this span: its acronym. */
  acronym: string | null;
  /** Written with a possessive 's ('Erdoğan's'): a hint that an unknown opener is a name. */
  possessive: boolean;
}

/** A candidate after typing, ready to be grouped. */
export interface TypedMention extends Candidate {
  type: EntityType;
  evidence: Evidence;
  /** Grouping key: gazetteer canonical or folded surface. */
  key: string;
}
