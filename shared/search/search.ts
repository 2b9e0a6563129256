/** The search pipeline: parse, plan, retrieve, rank, and turn the best documents into hits with snippets. */
import { collectCandidates, type Candidate, type RetrievalContext } from './candidates';
import { buildFilter, type HighlightSourceLookup } from './filters';
import { addFuzzyAlternatives, planGroups, type TermGroup } from './plan';
import { parseQuery } from './query';
import { rankCandidates, type CorpusStats, type Ranked } from './rank';
import { matchedParties } from './parties';
import { makeSnippet } from './snippet';
import type { DocView, MatchKind, SearchHit, SearchOptions, SourceInfo } from './types';
import type { PostingEngine } from './engine';
import type { AllowedDocs } from './facets';
import type { Vocabulary } from './vocabulary';

/** Live documents by id, made on demand from the document table. */
export interface DocLookup {
  get(docId: number): DocView | undefined;
  readonly size: number;
}

export interface SearchState {
  docs: DocLookup;
  engine: PostingEngine;
  titles: PostingEngine;
  vocabulary: Vocabulary;
  /** The kind/tag/entity/source filters as a pre-check (a superset of what they allow), or null. */
  allowed: (opts: SearchOptions) => AllowedDocs | null;
  /** Display label of a document (derived on demand: labels are not kept per document). */
  label: (docId: number) => string;
  sources: ReadonlyMap<string, SourceInfo>;
  foldedText: (docId: number) => string;
  highlightSource: HighlightSourceLookup;
  stats: CorpusStats;
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 500;
/** Documents ranked per search: enough to order the first page well, few enough to stay fast. */
const poolSize = (limit: number): number => Math.max(100, limit * 5);

export function runSearch(state: SearchState, query: string, opts: SearchOptions = {}): SearchHit[] {
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(opts.limit ?? DEFAULT_LIMIT)));
  const parsed = parseQuery(query);
  const groups = planGroups(parsed, state.vocabulary);
  if (groups.length === 0) return [];
  const ctx: RetrievalContext = {
    docs: state.docs,
    engine: state.engine,
    titles: state.titles,
    filter: buildFilter(opts, state.highlightSource),
    allowed: state.allowed(opts),
    foldedText: state.foldedText,
  };
  const size = poolSize(limit);
  const pool = new Map<number, Candidate>();
  collectCandidates(ctx, groups, pool, size);
  const ranked = rankCandidates(pool.values(), groups, state.vocabulary, state.stats);

  // Typo tolerance only when exact and prefix matching leave the page short, so it costs nothing otherwise
  // and can never push an exact match down.
  if (pool.size < limit && addFuzzyAlternatives(groups, state.vocabulary)) {
    const fuzzyPool = new Map<number, Candidate>();
    for (const id of pool.keys()) fuzzyPool.set(id, pool.get(id) as Candidate);
    collectCandidates(ctx, groups, fuzzyPool, size);
    for (const id of pool.keys()) fuzzyPool.delete(id);
    ranked.push(...rankCandidates(fuzzyPool.values(), groups, state.vocabulary, state.stats));
    ranked.sort((a, b) => a.tier - b.tier || b.raw - a.raw || a.candidate.docId - b.candidate.docId);
  }
  return ranked.slice(0, limit).map((r) => toHit(state, r, groups, parsed.phrases));
}

function toHit(state: SearchState, ranked: Ranked, groups: readonly TermGroup[], phrases: readonly string[][]): SearchHit {
  const { doc, docId } = ranked.candidate;
  const words = new Set<string>();
  for (const group of groups) for (const alt of group.alternatives) words.add(alt.term);
  const snippetText = doc.body || doc.title;
  const { snippet, matches, best } = makeSnippet(snippetText, { words, phrases });
  const hit: SearchHit = {
    kind: doc.kind,
    id: doc.recordId,
    title: hitTitle(state, doc, docId),
    snippet,
    matches,
    score: ranked.score,
    match: matchKind(ranked.tier),
  };
  const parties = matchedParties(doc, { words, phrases });
  if (parties) hit.matchedIn = parties;
  if (doc.sourceId !== undefined) hit.sourceId = doc.sourceId;
  if (doc.kind === 'source' && doc.start !== undefined) {
    // Open at the best match inside the passage; a title-only match opens the passage itself.
    const useMatch = best !== null && doc.body.length > 0;
    hit.start = doc.start + (useMatch ? best.start : 0);
    hit.end = useMatch ? doc.start + best.end : (doc.end ?? doc.start);
  } else if (doc.kind === 'highlight') {
    if (doc.start !== undefined) hit.start = doc.start;
    if (doc.end !== undefined) hit.end = doc.end;
  }
  return hit;
}

/** Tiers (see plan.tierOf): 0 exact, 1 prefix, 2+ typos. */
const matchKind = (tier: number): MatchKind => (tier === 0 ? 'exact' : tier === 1 ? 'prefix' : 'fuzzy');

function hitTitle(state: SearchState, doc: DocView, docId: number): string {
  if (doc.kind === 'source' || doc.kind === 'highlight') {
    const source = doc.sourceId !== undefined ? state.sources.get(doc.sourceId) : undefined;
    if (source) return source.title;
  }
  return state.label(docId) || 'Untitled';
}
