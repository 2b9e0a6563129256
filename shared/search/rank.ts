/** Ranking of candidates: BM25 on the passage, boosts for title and tag matches, tiers by match quality. */
import type { Candidate } from './candidates';
import { foldText } from './fold';
import { partyText } from './parties';
import { tierOf, type MatchQuality, type TermGroup } from './plan';
import { countWord, findPhrase } from './query';
import type { Vocabulary } from './vocabulary';

const K1 = 1.2;
const B = 0.75;
const TITLE_BOOST = 3;
const TAG_BOOST = 1.5;
/** A claim matched through its claimant's or subject's name: below a match in its statement, which is what the analyst reads. */
const PARTY_BOOST = 0.8;
const QUALITY_WEIGHT: Readonly<Record<MatchQuality, number>> = { exact: 1, prefix: 0.6, fuzzy: 0.4 };
const MAX_TIER = 3;

export interface CorpusStats {
  documents: number;
  averageBodyLength: number;
}

export interface Ranked {
  candidate: Candidate;
  tier: number;
  raw: number;
  /** Monotonic with the ranking: bands [3,4) exact, [2,3) prefix, [1,2) one typo, [0,1) two typos. */
  score: number;
}

export function rankCandidates(candidates: Iterable<Candidate>, groups: readonly TermGroup[], vocabulary: Vocabulary, stats: CorpusStats): Ranked[] {
  const ranked: Ranked[] = [];
  for (const candidate of candidates) {
    const { doc } = candidate;
    const title = doc.title ? foldText(doc.title) : '';
    const tags = doc.tags ? foldText(doc.tags) : '';
    const body = foldText(doc.body);
    const parties = doc.parties ? foldText(partyText(doc)) : '';
    const lengthNorm = 1 - B + (B * Math.max(1, doc.body.length)) / Math.max(1, stats.averageBodyLength);
    let tier = 0;
    let raw = 0;
    groups.forEach((group, g) => {
      const alt = group.alternatives[candidate.alternatives[g] ?? 0];
      if (!alt) return;
      tier = Math.max(tier, tierOf(alt));
      const words = group.phrase ?? [alt.term];
      // A phrase is as specific as all its words together.
      const idf = words.reduce((sum, w) => sum + inverseFrequency(vocabulary.frequency(w), stats.documents), 0);
      const occurs = (text: string, max?: number): number =>
        group.phrase ? findPhrase(text, group.phrase, max).length : countWord(text, alt.term, max);
      const tf = occurs(body);
      let fieldScore = tf > 0 ? (tf * (K1 + 1)) / (tf + K1 * lengthNorm) : 0;
      if (title && occurs(title, 1) > 0) fieldScore += TITLE_BOOST;
      if (tags && occurs(tags, 1) > 0) fieldScore += TAG_BOOST;
      if (parties && occurs(parties, 1) > 0) fieldScore += PARTY_BOOST;
      // Prefix completions closer to what was typed weigh more ("erdo" → "erdogan" over "erdoganists").
      const closeness = alt.quality === 'prefix' ? Math.sqrt(group.word.length / alt.term.length) : 1;
      raw += QUALITY_WEIGHT[alt.quality] * closeness * idf * Math.max(fieldScore, 0.1);
    });
    ranked.push({ candidate, tier, raw, score: MAX_TIER - tier + raw / (raw + 1) });
  }
  return ranked.sort((a, b) => a.tier - b.tier || b.raw - a.raw || a.candidate.docId - b.candidate.docId);
}

const inverseFrequency = (df: number, documents: number): number => Math.log(1 + (documents - df + 0.5) / (df + 0.5));
