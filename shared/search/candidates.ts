/** Candidate retrieval: postings of every group's alternatives, ANDed across groups, filtered, phrase-checked. */
import type { PostingEngine } from './engine';
import type { DocFilter } from './filters';
import { countWord, findPhrase } from './query';
import type { TermGroup } from './plan';
import type { AllowedDocs } from './facets';
import type { DocLookup } from './search';
import type { DocView } from './types';

export interface Candidate {
  docId: number;
  doc: DocView;
  /** Per group, the index of the best alternative the document contains. */
  alternatives: number[];
}

export interface RetrievalContext {
  docs: DocLookup;
  engine: PostingEngine;
  titles: PostingEngine;
  filter: DocFilter | null;
  /** Folded indexed text of a live document (kept in memory: phrase checks run on it). */
  foldedText: (docId: number) => string;
  /** From the facet indexes: a superset of the documents the filters allow, or null. */
  allowed: AllowedDocs | null;
}

/** Phrase checks per search (about a microsecond each): bounds queries like "of the" in huge workspaces. */
const MAX_PHRASE_CHECKS = 20_000;

/** One posting-list condition: a free word (any of its alternatives) or one word of a phrase. */
interface Requirement {
  group: number;
  lists: number[][];
  size: number;
  /** docId → best alternative index (lists are best-first, so the first sighting wins); null for the driver. */
  members: Map<number, number> | null;
}

/**
 * Fills `pool` (up to `size`) with documents matching every group. Order: documents with a title
 * match first, then the most selective requirement's postings (earliest occurrences first).
 */
export function collectCandidates(ctx: RetrievalContext, groups: readonly TermGroup[], pool: Map<number, Candidate>, size: number): void {
  if (groups.length === 0 || groups.some((g) => g.alternatives.length === 0)) return;
  // Every word of a phrase must be present before the (costlier) adjacency check on the text.
  const requirements: Requirement[] = groups.flatMap((g, group) => {
    const lists = g.phrase ? g.phrase.map((w) => [ctx.engine.postings(w)]) : [g.alternatives.map((a) => ctx.engine.postings(a.term))];
    return lists.map((l) => ({ group, lists: l, size: l.reduce((n, postings) => n + postings.length, 0), members: null }));
  });
  const driver = requirements.reduce((best, r) => (r.size < best.size ? r : best));
  const others = requirements.filter((r) => r !== driver);
  for (const r of others) r.members = membership(r.lists);
  const phrases = groups.filter((g) => g.phrase);
  const { allowed } = ctx;
  let phraseChecks = 0;

  /** `driverAlternative` is undefined for title candidates, which are checked against their text. */
  const consider = (docId: number, driverAlternative: number | undefined): boolean => {
    // Cheap probes first: the other words' memberships, then the facet Set (selective filters skip most postings).
    if (driverAlternative !== undefined) for (const r of others) if (!r.members?.has(docId)) return true;
    if ((allowed && !allowed.has(docId)) || pool.has(docId)) return true;
    const doc = ctx.docs.get(docId);
    if (!doc) return true; // removed (tombstoned) document
    let alternatives: number[];
    if (driverAlternative === undefined) {
      const folded = ctx.foldedText(docId);
      alternatives = groups.map((g) => bestAlternativeIn(folded, g) ?? -1);
      if (alternatives.includes(-1)) return true;
    } else {
      alternatives = groups.map(() => 0);
      for (const r of requirements) {
        if (groups[r.group]?.phrase) continue;
        alternatives[r.group] = r === driver ? driverAlternative : (r.members?.get(docId) ?? 0);
      }
    }
    if (ctx.filter && !ctx.filter(doc)) return true;
    if (phrases.length > 0) {
      if (++phraseChecks > MAX_PHRASE_CHECKS) return false;
      const text = ctx.foldedText(docId);
      if (!phrases.every((g) => findPhrase(text, g.phrase ?? [], 1).length > 0)) return true;
    }
    pool.set(docId, { docId, doc, alternatives });
    return pool.size < size;
  };

  for (const group of groups) {
    for (const alt of group.alternatives) {
      for (const docId of ctx.titles.postings(alt.term)) if (!consider(docId, undefined)) return;
    }
  }
  const driverLists = driver.lists;
  const seen = driverLists.length > 1 ? new Set<number>() : null;
  for (let a = 0; a < driverLists.length; a++) {
    for (const docId of driverLists[a] ?? []) {
      if (seen) {
        if (seen.has(docId)) continue;
        seen.add(docId);
      }
      if (!consider(docId, a)) return;
    }
  }
}

function membership(groupLists: readonly number[][]): Map<number, number> {
  const map = new Map<number, number>();
  groupLists.forEach((postings, a) => {
    for (const docId of postings) if (!map.has(docId)) map.set(docId, a);
  });
  return map;
}

function bestAlternativeIn(folded: string, group: TermGroup): number | undefined {
  if (group.phrase) return findPhrase(folded, group.phrase, 1).length > 0 ? 0 : undefined;
  const index = group.alternatives.findIndex((a) => countWord(folded, a.term, 1) > 0);
  return index < 0 ? undefined : index;
}
