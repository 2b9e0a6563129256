/** Scores entity and claim suggestions on annotated articles: span precision/recall, type accuracy, claim precision/recall. */
import { foldForMatch } from '../fold';
import type { EntitySuggestion } from '../types';
import type { ClaimSuggestion } from '../claims/types';
import { scoreSuggestions, type GoldEntity } from './score';

export interface GoldClaim {
  /** Accepted forms of the claimant's name; null when the text names no one. */
  claimant: string[] | null;
  /** An exact substring of the article inside the claim's evidence. */
  evidence: string;
  type: string;
}

export interface GoldArticle {
  id: string;
  text: string;
  entities: GoldEntity[];
  claims: GoldClaim[];
}

/** Counts summed over articles, so figures weigh every entity and claim equally. */
export interface CorpusCounts {
  goldEntities: number; foundEntities: number; suggestedEntities: number; correctEntities: number; typedRight: number;
  goldClaims: number; suggestedClaims: number; matchedClaims: number; claimTypesRight: number;
  misses: string[];
}

export const emptyCounts = (): CorpusCounts => ({
  goldEntities: 0, foundEntities: 0, suggestedEntities: 0, correctEntities: 0, typedRight: 0,
  goldClaims: 0, suggestedClaims: 0, matchedClaims: 0, claimTypesRight: 0, misses: [],
});

function claimantMatches(gold: string[] | null, suggested: ClaimSuggestion['claimant']): boolean {
  if (gold === null || suggested === null) return gold === null && suggested === null;
  const forms = new Set(gold.map(foldForMatch));
  return forms.has(foldForMatch(suggested.name)) || forms.has(foldForMatch(suggested.surface));
}

/** Add one article's figures to `into`: a suggested claim matches a gold one when claimants match and evidence spans overlap. */
export function scoreArticle(into: CorpusCounts, article: GoldArticle, entities: EntitySuggestion[], claims: ClaimSuggestion[]): void {
  const score = scoreSuggestions(entities, article.entities);
  into.goldEntities += article.entities.length;
  into.foundEntities += score.recalled;
  into.suggestedEntities += score.suggested;
  into.correctEntities += score.correct;
  into.typedRight += score.correct - score.mistyped.length;
  for (const m of score.missed) into.misses.push(`${article.id}: entity missed ${m}`);
  for (const m of score.mistyped) into.misses.push(`${article.id}: mistyped ${m}`);
  for (const w of score.wrong) into.misses.push(`${article.id}: wrong entity ${w}`);
  const used = new Set<number>();
  into.goldClaims += article.claims.length;
  into.suggestedClaims += claims.length;
  for (const gold of article.claims) {
    const at = article.text.indexOf(gold.evidence);
    if (at < 0) throw new Error(`${article.id}: gold evidence not in text: ${gold.evidence}`);
    const end = at + gold.evidence.length;
    const hit = claims.findIndex((c, i) => !used.has(i) && c.evidence.start < end && c.evidence.end > at
      && claimantMatches(gold.claimant, c.claimant));
    if (hit < 0) {
      into.misses.push(`${article.id}: claim missed (${gold.claimant?.[0] ?? 'unnamed'}) ${gold.evidence}`);
      continue;
    }
    used.add(hit);
    into.matchedClaims += 1;
    if (claims[hit]?.type === gold.type) into.claimTypesRight += 1;
    else into.misses.push(`${article.id}: claim type ${claims[hit]?.type} ≠ ${gold.type}: ${gold.evidence}`);
  }
  claims.forEach((c, i) => {
    if (!used.has(i)) into.misses.push(`${article.id}: extra claim (${c.claimant?.name ?? 'unnamed'}) ${c.statement.slice(0, 60)}`);
  });
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** The published figures, rounded to three places. */
export function figures(c: CorpusCounts): Record<string, number> {
  const r = (x: number): number => Math.round(x * 1000) / 1000;
  return {
    spanPrecision: r(ratio(c.correctEntities, c.suggestedEntities)),
    spanRecall: r(ratio(c.foundEntities, c.goldEntities)),
    typeAccuracy: r(ratio(c.typedRight, c.correctEntities)),
    claimPrecision: r(ratio(c.matchedClaims, c.suggestedClaims)),
    claimRecall: r(ratio(c.matchedClaims, c.goldClaims)),
    claimTypeAccuracy: r(ratio(c.claimTypesRight, c.matchedClaims)),
  };
}
