/** An ACH matrix resolved for a dossier: grades and weights as the ACH screen computes them, passages as notes, the leader in words. */
import type { AchMatrix, Credibility, Reliability } from '../domain/types';
import {
  evidenceWeight, isDiagnostic, scoreHypotheses, sensitivity, type AchEvidenceRow, type AchScore,
} from '../domain/analysis/ach';
import { bestReliability, gradeCode } from '../domain/analysis/grading';
import type { AchFacts, AchHypothesisFacts, AchRowFacts, DossierData, EvidenceQuote } from './model';
import { areaLabel } from './pages';

/** What resolving needs from the dossier resolver: cite a passage (numbering its note) and record a claim as used. */
export interface AchContext {
  data: DossierData;
  cite(highlightId: string): EvidenceQuote;
  useClaim(id: string): void;
}

/** A highlight has no credibility of its own: "6, cannot be judged", as on the ACH screen (electron/services/workbench/ach-view.ts). */
const HIGHLIGHT_CREDIBILITY: Credibility = 6;
/** Long passages are cut in the table: the whole passage is in its note. */
const LABEL_MAX = 240;
const SHORT_MAX = 60;

const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);
/** Scores as the ACH screen shows them (two decimals). */
export const score = (n: number): string => n.toFixed(2);

function rowOf(ctx: AchContext, e: AchMatrix['evidence'][number], i: number, hypothesisIds: readonly string[]): AchRowFacts {
  const { data } = ctx;
  let label: string;
  let reliability: Reliability = 'F';
  let credibility: Credibility = HIGHLIGHT_CREDIBILITY;
  let highlightIds: string[] = [];
  const sourceReliability = (id: string): Reliability => {
    const h = data.get('highlights', id);
    return (h && data.get('sources', h.sourceId)?.reliability) ?? 'F';
  };
  if (e.kind === 'claim') {
    const c = data.get('claims', e.refId);
    label = c ? c.statement : '[missing: claim deleted]';
    if (c) {
      ctx.useClaim(c.id);
      credibility = c.credibility;
      highlightIds = c.evidenceHighlightIds;
      reliability = bestReliability(highlightIds.map(sourceReliability));
    }
  } else {
    const h = data.get('highlights', e.refId);
    label = !h ? '[missing: passage deleted]' : h.area ? areaLabel(h.area) : `“${clip(h.quote.exact, LABEL_MAX)}”`;
    if (h) {
      highlightIds = [h.id];
      reliability = sourceReliability(h.id);
    }
  }
  const weight = evidenceWeight(reliability, credibility);
  return {
    id: e.id, code: `E${i + 1}`, kind: e.kind, label: clip(label, LABEL_MAX + 2), grade: gradeCode(reliability, credibility), weight,
    diagnostic: isDiagnostic(hypothesisIds, { id: e.id, weight, ratings: e.ratings }),
    ratings: hypothesisIds.map((h) => e.ratings[h] ?? null),
    evidence: highlightIds.map((id) => ctx.cite(id)),
  };
}

/** “H1 “Trade”” or “H1 “Trade” and H2 “Security””. */
function named(hs: readonly AchHypothesisFacts[], ids: readonly string[]): string {
  const names = hs.filter((h) => ids.includes(h.id)).map((h) => `${h.code} “${clip(h.label, SHORT_MAX)}”`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? '');
}

function leaderSentence(hs: readonly AchHypothesisFacts[], rows: readonly AchRowFacts[], scores: readonly AchScore[]): string {
  if (hs.length === 0) return 'The matrix has no hypotheses yet.';
  if (rows.length === 0) return 'No evidence has been weighed yet, so no hypothesis leads.';
  const leaders = scores.filter((s) => s.rank === 1);
  const best = score(leaders[0]!.inconsistency);
  if (leaders.length === hs.length) {
    return hs.length === 1
      ? `${named(hs, [hs[0]!.id])} is the only hypothesis (weighted inconsistency ${best}).`
      : `No hypothesis leads: all are equally inconsistent with the evidence (weighted inconsistency ${best}).`;
  }
  const next = scores.find((s) => s.rank > 1)!;
  const runnerUp = `next: ${named(hs, [next.hypothesisId])} at ${score(next.inconsistency)}`;
  const who = named(hs, leaders.map((s) => s.hypothesisId));
  const verb = leaders.length > 1 ? 'are jointly the least inconsistent' : 'is the least inconsistent';
  return `Leading: ${who} ${verb} with the evidence (weighted inconsistency ${best}; ${runnerUp}).`;
}

/** "E2 “…”: without it, H2 “Security” would lead; if it were wrong, …" for each item the leader depends on. */
function sensitivityItems(hs: readonly AchHypothesisFacts[], rows: readonly AchRowFacts[], ids: readonly string[], evidenceRows: AchEvidenceRow[]) {
  const lead = (who: readonly string[]) => `${named(hs, who)} would ${who.length > 1 ? 'tie' : 'lead'}`;
  return sensitivity(ids, evidenceRows).map((s) => {
    const row = rows.find((r) => r.id === s.evidenceId)!;
    const same = s.ifRemoved && s.ifWrong && s.ifRemoved.join() === s.ifWrong.join();
    const parts = same
      ? [`without it, or if it were wrong, ${lead(s.ifRemoved!)}`]
      : [s.ifRemoved && `without it, ${lead(s.ifRemoved)}`, s.ifWrong && `if it were wrong, ${lead(s.ifWrong)}`].filter((p): p is string => !!p);
    return { rowCode: row.code, text: `${row.code} ${clip(row.label, SHORT_MAX + 2)}: ${parts.join('; ')}.` };
  });
}

export function achFacts(ctx: AchContext, m: AchMatrix): AchFacts {
  const ids = m.hypotheses.map((h) => h.id);
  const rows = m.evidence.map((e, i) => rowOf(ctx, e, i, ids));
  const evidenceRows: AchEvidenceRow[] = m.evidence.map((e, i) => ({ id: e.id, weight: rows[i]!.weight, ratings: e.ratings }));
  const scores = scoreHypotheses(ids, evidenceRows);
  const byId = new Map(scores.map((s) => [s.hypothesisId, s]));
  const hypotheses: AchHypothesisFacts[] = m.hypotheses.map((h, i) => ({
    id: h.id, code: `H${i + 1}`, label: h.label, inconsistency: byId.get(h.id)!.inconsistency, rank: byId.get(h.id)!.rank,
  }));
  return {
    matrix: m, hypotheses, rows,
    leader: leaderSentence(hypotheses, rows, scores),
    sensitivity: hypotheses.length > 1 ? sensitivityItems(hypotheses, rows, ids, evidenceRows) : [],
  };
}
