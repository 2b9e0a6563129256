/** Analysis of Competing Hypotheses (Heuer): ratings, Admiralty-weighted inconsistency scores, diagnosticity, sensitivity. */
import type { AchRatingValue, Credibility, Reliability } from '../types';

/** Heuer's ratings: very consistent, consistent, neutral / not applicable, inconsistent, very inconsistent. */
export const ACH_RATINGS = ['CC', 'C', 'N', 'I', 'II'] as const satisfies readonly AchRatingValue[];
export type AchRating = AchRatingValue;

/**
 * What a rating adds to a hypothesis's inconsistency score. ACH ranks by inconsistency, not consistency: evidence
 * consistent with every hypothesis proves little, while one solid inconsistency can refute (Heuer, ch. 8, step 5).
 */
const INCONSISTENCY: Record<AchRating, number> = { CC: 0, C: 0, N: 0, I: 1, II: 2 };

/**
 * Weights of the Admiralty grade. "Cannot be judged" (F, 6) weighs like the middle of the scale, not like the worst:
 * unknown is not the same as unreliable.
 */
const RELIABILITY_WEIGHT: Record<Reliability, number> = { A: 1, B: 0.85, C: 0.7, D: 0.5, E: 0.3, F: 0.6 };
const CREDIBILITY_WEIGHT: Record<Credibility, number> = { 1: 1, 2: 0.85, 3: 0.7, 4: 0.5, 5: 0.3, 6: 0.6 };

/** The weight of one item of evidence from its Admiralty grade (reliability of the source × credibility of the information). */
export function evidenceWeight(reliability: Reliability, credibility: Credibility): number {
  return RELIABILITY_WEIGHT[reliability] * CREDIBILITY_WEIGHT[credibility];
}

/** One row of the matrix: an item of evidence with its weight and its rating against each hypothesis (absent = not yet rated, counts as N). */
export interface AchEvidenceRow {
  id: string;
  weight: number;
  ratings: Readonly<Record<string, AchRating | undefined>>;
}

export interface AchScore {
  hypothesisId: string;
  /** Weighted inconsistency: lower is more likely. */
  inconsistency: number;
  /** Unweighted count of I and II ratings (II counts twice), as Heuer's paper matrix shows it. */
  rawInconsistency: number;
  /** 1-based rank; hypotheses with equal scores share a rank. */
  rank: number;
}

const ratingOf = (row: AchEvidenceRow, h: string): AchRating => row.ratings[h] ?? 'N';

/** Scores and ranks the hypotheses (least inconsistent first; ties keep the given order and share a rank). */
export function scoreHypotheses(hypothesisIds: readonly string[], rows: readonly AchEvidenceRow[]): AchScore[] {
  const scored = hypothesisIds.map((h, order) => {
    let inconsistency = 0;
    let raw = 0;
    for (const row of rows) {
      const v = INCONSISTENCY[ratingOf(row, h)];
      inconsistency += v * row.weight;
      raw += v;
    }
    // Rounded so that float noise (0.1 + 0.2) never splits a tie the analyst would see as equal.
    return { hypothesisId: h, inconsistency: Math.round(inconsistency * 1000) / 1000, rawInconsistency: raw, order };
  });
  const sorted = [...scored].sort((a, b) => a.inconsistency - b.inconsistency || a.order - b.order);
  let rank = 0;
  let last = Number.NaN;
  return sorted.map((s, i) => {
    if (s.inconsistency !== last) rank = i + 1;
    last = s.inconsistency;
    return { hypothesisId: s.hypothesisId, inconsistency: s.inconsistency, rawInconsistency: s.rawInconsistency, rank };
  });
}

/**
 * Evidence is non-diagnostic when it does not tell the hypotheses apart: every hypothesis gets the same inconsistency
 * from it (e.g. C everywhere, or CC and C mixed — both add nothing). Heuer: such items can be dropped from the weighing.
 */
export function isDiagnostic(hypothesisIds: readonly string[], row: AchEvidenceRow): boolean {
  const values = new Set(hypothesisIds.map((h) => INCONSISTENCY[ratingOf(row, h)]));
  return values.size > 1;
}

/** The leading hypotheses (all sharing rank 1). */
const leaders = (scores: readonly AchScore[]): string[] => scores.filter((s) => s.rank === 1).map((s) => s.hypothesisId).sort();

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The opposite reading of a rating: what it would be if the item were wrong or deceptive. */
const INVERTED: Record<AchRating, AchRating> = { CC: 'II', C: 'I', N: 'N', I: 'C', II: 'CC' };

export interface AchSensitivity {
  evidenceId: string;
  /** The leading hypotheses without this item, when they differ from the leaders with it; else null. */
  ifRemoved: string[] | null;
  /** The leading hypotheses if this item were wrong (each rating inverted), when they differ; else null. */
  ifWrong: string[] | null;
}

/**
 * Heuer's step 6: which single items the conclusion hangs on. Each item is taken out, then read the other way round;
 * items whose change alters the leading hypothesis are listed (the others are omitted).
 */
export function sensitivity(hypothesisIds: readonly string[], rows: readonly AchEvidenceRow[]): AchSensitivity[] {
  const base = leaders(scoreHypotheses(hypothesisIds, rows));
  const out: AchSensitivity[] = [];
  rows.forEach((row, i) => {
    const without = rows.filter((_, j) => j !== i);
    const removed = leaders(scoreHypotheses(hypothesisIds, without));
    const inverted: AchEvidenceRow = {
      ...row,
      ratings: Object.fromEntries(hypothesisIds.map((h) => [h, INVERTED[ratingOf(row, h)]])),
    };
    const wrong = leaders(scoreHypotheses(hypothesisIds, [...without.slice(0, i), inverted, ...without.slice(i)]));
    const ifRemoved = sameSet(removed, base) ? null : removed;
    const ifWrong = sameSet(wrong, base) ? null : wrong;
    if (ifRemoved || ifWrong) out.push({ evidenceId: row.id, ifRemoved, ifWrong });
  });
  return out;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; formula starts defused for spreadsheets. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface AchCsvInput {
  hypotheses: ReadonlyArray<{ id: string; label: string }>;
  evidence: ReadonlyArray<{ row: AchEvidenceRow; label: string; grade: string }>;
}

/** The matrix as CSV: one row per item of evidence (label, grade, weight, diagnostic, a rating per hypothesis), then the scores. */
export function achCsv({ hypotheses, evidence }: AchCsvInput): string {
  const ids = hypotheses.map((h) => h.id);
  const lines = [['Evidence', 'Grade', 'Weight', 'Diagnostic', ...hypotheses.map((h) => h.label)]];
  for (const { row, label, grade } of evidence) {
    lines.push([label, grade, row.weight.toFixed(3), isDiagnostic(ids, row) ? 'yes' : 'no', ...ids.map((h) => ratingOf(row, h))]);
  }
  const scores = new Map(scoreHypotheses(ids, evidence.map((e) => e.row)).map((s) => [s.hypothesisId, s]));
  lines.push(['Weighted inconsistency', '', '', '', ...ids.map((h) => String(scores.get(h)!.inconsistency))]);
  lines.push(['Rank', '', '', '', ...ids.map((h) => String(scores.get(h)!.rank))]);
  return `${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}
