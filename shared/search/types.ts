/** Public shapes of the workspace search (options, hits) and the internal indexed-document record. */

export const SEARCH_KINDS = ['source', 'highlight', 'claim', 'entity', 'dossier'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchOptions {
  kinds?: SearchKind[];
  /** Records carrying any of these tags (highlights, claims). */
  tagIds?: string[];
  /** Records about any of these entities (highlights, claims, the entities themselves, dossier subjects). */
  entityIds?: string[];
  /** Passages of these sources, their highlights, and claims whose evidence is in them. */
  sourceIds?: string[];
  /** Inclusive, YYYY[-MM[-DD]]: source publishedAt (else createdAt), highlight createdAt, claim claimedAt (else createdAt). */
  dateFrom?: string;
  dateTo?: string;
  /** Defaults to 20. */
  limit?: number;
}

export interface SearchHit {
  kind: SearchKind;
  /** Id of the record (for source hits: the source id; several passages of one source may hit). */
  id: string;
  sourceId?: string;
  /** Where to open in the source text (UTF-16): the best match for source hits, the highlight for highlight hits. */
  start?: number;
  end?: number;
  title: string;
  /** Plain text around the best match, about 160 characters, cut at word boundaries. */
  snippet: string;
  /** Ranges inside `snippet` to highlight. */
  matches: Array<{ start: number; end: number }>;
  /** Higher is better, 0..4; hits come sorted by it (exact matches above prefix completions above typo matches). */
  score: number;
  /** How the query words matched: as typed (accents folded), as word beginnings, or with a typo. Always set by SearchIndex. */
  match?: MatchKind;
  /** Claims: the claimant or subjects whose names matched, each with the matched words marked in `text`. */
  matchedIn?: MatchedParty[];
}

export type MatchKind = 'exact' | 'prefix' | 'fuzzy';

/** A related entity that made a claim match, e.g. { field: 'claimant', text: 'Recep Tayyip Erdoğan' }. */
export interface MatchedParty {
  field: PartyRole;
  /** The entity's name, with the matched alias after it in parentheses when the name itself does not match. */
  text: string;
  matches: Array<{ start: number; end: number }>;
}

export type PartyRole = 'claimant' | 'about';

/** An entity named by a claim, as indexed with it. */
export interface PartyNames {
  name: string;
  aliases: readonly string[];
}

/** The entities a claim names, resolved by the host (the index holds no entities of its own for claims). */
export interface ClaimParties {
  claimant: PartyNames | null;
  about: PartyNames[];
}

/** One indexed document: a source passage or a whole highlight/claim/entity/dossier. */
export interface IndexedDoc {
  kind: SearchKind;
  recordId: string;
  /** Boosted text: the source title (first passage only), entity name and aliases, dossier title. */
  title: string;
  /** Tag names (highlights); boosted a little. */
  tags: string;
  /** Passage text, quote and note, statement, or description. */
  body: string;
  /** Display title for kinds whose title does not depend on another record. */
  label: string;
  sourceId?: string;
  /** Source passages: offset of `body` in the source text. Highlights: the highlight's range. */
  start?: number;
  end?: number;
  /** YYYY[-MM[-DD]] used by date filters, or ''. */
  date: string;
  tagIds: string[];
  entityIds: string[];
  /** Claims: evidence highlights, resolved to sources when filtering by source. */
  evidenceHighlightIds?: string[];
  /** Claims: names of the claimant and subjects, indexed with the claim so a person's name finds what they said. */
  parties?: IndexedParty[];
  /** Highlights: length of the quote at the start of `body`; the label is derived from it instead of being kept. */
  quoteLength?: number;
}

/** A document as search reads it back from the table: labels are derived only for the hits shown (see DocTable.label). */
export type DocView = Omit<IndexedDoc, 'label' | 'quoteLength'>;

/**
 * A document as stored and saved: `label` is either spelled out or a number n meaning "the short label of the
 * body's first n characters" (highlights and claims, whose labels are most of all labels).
 */
export type StoredDoc = DocView & { label: string | number };

export interface IndexedParty {
  role: PartyRole;
  name: string;
  aliases: string[];
}

export interface SourceInfo {
  title: string;
}

/** A quoted phrase or single word found in a document, in folded coordinates. */
export interface FoldedRange {
  start: number;
  end: number;
}
