/** Admiralty grading of claims and the corroboration rule (two independent sources). */
import { RELIABILITY, type Credibility, type Reliability } from '../types';
import { foldForMatch } from './fold';

const rank = (r: Reliability): number => RELIABILITY.indexOf(r);

/** The best (A best … F) of the given reliabilities; F ("cannot be judged") when there are none. */
export function bestReliability(rs: Iterable<Reliability>): Reliability {
  let best: Reliability = 'F';
  for (const r of rs) if (rank(r) < rank(best)) best = r;
  return best;
}

/** Admiralty code: reliability letter + credibility digit, e.g. "B2". */
export function gradeCode(reliability: Reliability, credibility: Credibility): string {
  return `${reliability}${credibility}`;
}

/** A grade filter is a full code ("B2"), a letter ("B") or a digit ("2"). */
export function gradeMatches(code: string, filter: string): boolean {
  const f = filter.trim().toUpperCase();
  if (/^[A-F][1-6]$/.test(f)) return code === f;
  if (/^[A-F]$/.test(f)) return code[0] === f;
  if (/^[1-6]$/.test(f)) return code[1] === f;
  return false;
}

/** Best grade first: by reliability letter, then by credibility digit. */
export function compareGrades(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What decides whether two sources are independent. */
export interface SourceIdentity {
  id: string;
  contentHash: string;
  publisher: string;
}

/**
 * Two sources are independent when their texts differ (content hash) and they do not come from the
 * same publisher. An unknown (empty) publisher cannot prove a common origin, so it counts as different.
 */
export function areIndependent(a: SourceIdentity, b: SourceIdentity): boolean {
  if (a.contentHash === b.contentHash) return false;
  const pa = foldForMatch(a.publisher);
  const pb = foldForMatch(b.publisher);
  return pa === '' || pb === '' || pa !== pb;
}

/** True when at least two of the sources are independent of each other. */
function hasIndependentPair(sources: readonly SourceIdentity[]): boolean {
  for (let i = 0; i < sources.length; i++) {
    for (let j = i + 1; j < sources.length; j++) if (areIndependent(sources[i]!, sources[j]!)) return true;
  }
  return false;
}

/** The claim network as the corroboration rule sees it. */
export interface EvidenceGraph {
  /** Sources of the claim's own evidence highlights. */
  evidenceSourcesOf(claimId: string): readonly SourceIdentity[];
  /** Claims that list this claim in their `supports`. */
  supportersOf(claimId: string): readonly string[];
}

/** Every source backing a claim: its own evidence and, transitively, the evidence of claims supporting it. */
export function backingSources(claimId: string, graph: EvidenceGraph): SourceIdentity[] {
  const byId = new Map<string, SourceIdentity>();
  const seen = new Set<string>();
  const queue = [claimId];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue; // support cycles are possible; each claim counts once
    seen.add(id);
    for (const s of graph.evidenceSourcesOf(id)) byId.set(s.id, s);
    queue.push(...graph.supportersOf(id));
  }
  return [...byId.values()];
}

/** Corroborated: backed (directly or through supporting claims) by at least two independent sources. */
export function isCorroborated(claimId: string, graph: EvidenceGraph): boolean {
  return hasIndependentPair(backingSources(claimId, graph));
}
