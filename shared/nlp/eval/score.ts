/** Scores suggestions against a hand-written gold list: recall, precision, type accuracy, misses. */
import { foldForMatch } from '../fold';
import type { EntitySuggestion } from '../types';

export interface GoldEntity {
  name: string;
  types: string[];
  /** Accepted surface forms, compared with foldForMatch. */
  forms: string[];
}

export interface Score {
  recall: number;
  precision: number;
  /** Share of correct suggestions whose type is one the gold entry accepts. */
  typeAccuracy: number;
  recalled: number;
  correct: number;
  suggested: number;
  missed: string[];
  /** Suggestions that match nothing, are fragments, or duplicate an already matched gold entry. */
  wrong: string[];
  mistyped: string[];
}

/** Punctuation at an edge, or a bare title/determiner: what compromise alone returns ('Kazakhstan,"', 'President'). */
export function isFragment(s: EntitySuggestion): boolean {
  return [s.name, ...s.variants].some((v) => /^[^\p{L}\p{N}]|[^\p{L}\p{N}.]$/u.test(v))
    || /^(president|minister|mr|mrs|ms|dr|the|a|an)$/i.test(s.name);
}

/**
 * A suggestion is correct when its name or a variant is an accepted form of a gold entry, it is not
 * a fragment, and no earlier suggestion already took that entry (duplicates count as wrong).
 */
export function scoreSuggestions(suggestions: EntitySuggestion[], gold: GoldEntity[]): Score {
  const formIndex = new Map<string, number>();
  gold.forEach((g, i) => g.forms.forEach((f) => formIndex.set(foldForMatch(f), i)));
  const matched = new Set<number>();
  const wrong: string[] = [];
  const mistyped: string[] = [];
  let correct = 0;
  for (const s of suggestions) {
    const g = [s.name, ...s.variants].map((v) => formIndex.get(foldForMatch(v))).find((i) => i !== undefined);
    if (g === undefined || isFragment(s) || matched.has(g)) {
      wrong.push(s.name);
      continue;
    }
    matched.add(g);
    correct += 1;
    if (!gold[g]?.types.includes(s.type)) mistyped.push(`${s.name}: ${s.type}`);
  }
  return {
    recall: gold.length ? matched.size / gold.length : 1,
    precision: suggestions.length ? correct / suggestions.length : 1,
    typeAccuracy: correct ? (correct - mistyped.length) / correct : 1,
    recalled: matched.size, correct, suggested: suggestions.length,
    missed: gold.filter((_, i) => !matched.has(i)).map((g) => g.name),
    wrong, mistyped,
  };
}
