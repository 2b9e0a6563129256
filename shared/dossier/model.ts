/** The resolved dossier: every reference looked up, graded and numbered once, so HTML, Markdown and JSON agree. */
import type {
  AchMatrix, AchRatingValue, BlockKind, Claim, CollectionName, Credibility, Dossier, Entity, EntityType, Highlight, Relationship, Reliability, Source,
  WorkspaceCollections,
} from '../domain/types';

/** Read access to the workspace a dossier is rendered from (WorkspaceState fits, plus source texts). */
export interface DossierData {
  get<C extends CollectionName>(c: C, id: string): WorkspaceCollections[C] | undefined;
  all<C extends CollectionName>(c: C): WorkspaceCollections[C][];
  /** The normalised text of a source, or null when it cannot be read (locations then give offsets only). */
  textOf(source: Source): string | null;
  /**
   * An area highlight's image crop as a data: URI (PNG/JPEG/WebP), or null when it cannot be read. Optional: without
   * it (or without an image) an area is cited by its page and shown as "Area on p. N" only.
   */
  areaImage?(h: Highlight): string | null;
}

/** An area (figure, table) of a PDF page cited as evidence: its page and, when it could be read, its image. */
export interface CitedArea {
  page: number;
  /** data: URI of the crop, or null (the renderers then say "Area on p. N" without a picture). */
  image: string | null;
}

/** One numbered note: the exact passage a statement rests on. */
export interface Citation {
  n: number;
  highlightId: string;
  sourceId: string;
  /** Null when the source record is gone (the note says so). */
  source: Source | null;
  paragraph: number | null;
  start: number;
  end: number;
  exact: string;
  /** The pages of a passage in a paged PDF source ([12, 12], [12, 13]), else null. */
  pages: [number, number] | null;
  /** Set when the highlight is an area of a page rather than text (exact is then ''). */
  area: CitedArea | null;
  /** "¶ 2, characters 213–322"; in a paged PDF "p. 12, ¶ 2, characters 213–322"; an area "p. 12". */
  location: string;
  /** The quote's first words, for a reader to find it on the page. */
  opening: string;
}

/** A quoted passage inside a claim, relationship or quote block, with its note number (null: highlight gone). */
export interface EvidenceQuote {
  highlightId: string;
  note: number | null;
  exact: string;
  /** An area highlight: shown as its image and "Area on p. N" where the quote would be. */
  area?: CitedArea;
}

export interface ClaimFacts {
  claim: Claim;
  claimantName: string | null;
  aboutNames: string[];
  /** Admiralty code, e.g. "B2"; "F…" when no evidence source can be judged. */
  grade: string;
  reliability: Reliability;
  credibility: Credibility;
  evidence: EvidenceQuote[];
}

export interface RelationshipFacts {
  relationship: Relationship;
  fromName: string;
  toName: string;
  label: string;
  /** "2022-10-12", "2022-10-12 – 2022-10-13", "from 2009", or ''. */
  dates: string;
  evidence: EvidenceQuote[];
  evidenceClaims: Array<{ id: string; statement: string; grade: string; notes: number[] }>;
}

export interface GraphNodeFacts {
  id: string;
  name: string;
  type: EntityType;
  focus: boolean;
}

export interface GraphEdgeFacts {
  id: string;
  from: string;
  to: string;
  label: string;
  /** Says the same both ways (meets with): drawn without an arrowhead. */
  symmetric: boolean;
}

export interface TimelineEvent {
  /** The stored date ("<2019"), which orders the events. */
  date: string;
  /** The date as printed ("before 2019"). */
  when: string;
  kind: 'claim' | 'relationship';
  text: string;
  grade: string | null;
  notes: number[];
}

/** One hypothesis of an ACH block, in the matrix's order, with its score (lower inconsistency is more likely). */
export interface AchHypothesisFacts {
  id: string;
  /** "H1", "H2" … in the matrix's order: the column heads of the printed table. */
  code: string;
  label: string;
  inconsistency: number;
  rank: number;
}

/** One item of evidence of an ACH block: its label, grade and weight, a rating per hypothesis, and its passages as notes. */
export interface AchRowFacts {
  id: string;
  /** "E1", "E2" … in the matrix's order. */
  code: string;
  kind: 'claim' | 'highlight';
  label: string;
  grade: string;
  weight: number;
  diagnostic: boolean;
  /** One per hypothesis, in their order; null = not rated (counts as N). */
  ratings: Array<AchRatingValue | null>;
  evidence: EvidenceQuote[];
}

/** An ACH matrix as a dossier shows it: table, scores, the leader in a sentence, and the items the ranking hangs on. */
export interface AchFacts {
  matrix: AchMatrix;
  hypotheses: AchHypothesisFacts[];
  rows: AchRowFacts[];
  /** "Leading: H1 “Trade” is the least inconsistent with the evidence (weighted inconsistency 0.72; next: H2 “Security” at 0.84)." */
  leader: string;
  /** One sentence per item whose removal or reversal would change the leader. */
  sensitivity: Array<{ rowCode: string; text: string }>;
}

export type ResolvedBlock =
  | { kind: 'text'; id: string; markdown: string }
  | { kind: 'claim'; id: string; facts: ClaimFacts }
  | { kind: 'quote'; id: string; highlight: Highlight; evidence: EvidenceQuote; entityNames: string[] }
  | { kind: 'relationship'; id: string; facts: RelationshipFacts }
  | {
      kind: 'entity'; id: string; entity: Entity;
      relationships: Array<{ label: string; otherName: string; outgoing: boolean; dates: string }>;
      moreRelationships: number;
    }
  | { kind: 'graph'; id: string; nodes: GraphNodeFacts[]; edges: GraphEdgeFacts[]; hiddenNodes: number }
  | { kind: 'timeline'; id: string; events: TimelineEvent[] }
  | { kind: 'ach'; id: string; facts: AchFacts }
  /** A block whose record no longer exists: rendered as a visible note, never a crash. */
  | { kind: 'missing'; id: string; blockKind: BlockKind; refId: string | null; what: string };

export interface ResolvedSection {
  id: string;
  title: string;
  /** Anchor id in the HTML (s-1, s-2 …), stable for a given section order. */
  anchor: string;
  blocks: ResolvedBlock[];
}

export interface BibliographyEntry {
  source: Source;
  /** Note numbers citing this source. */
  notes: number[];
}

export interface ResolvedDossier {
  dossier: Dossier;
  subjects: Entity[];
  /** Subject ids that no longer name an entity. */
  missingSubjectIds: string[];
  sections: ResolvedSection[];
  citations: Citation[];
  bibliography: BibliographyEntry[];
  /** Every record the document uses, for the JSON export. */
  used: { [C in 'entities' | 'claims' | 'relationships' | 'highlights' | 'sources']: Set<string> };
  generatedAt: string;
}
