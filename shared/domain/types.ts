/** Domain records of a workspace: the one vocabulary main, renderer, CLI and exports share. */
import type { CaptureRecord, SourceVersionLink } from './capture';
import type { PdfArea, PdfDocumentRecord, PdfPlacement } from './pdf';

export type Id = string;
/** ISO-8601 timestamp. */
export type Timestamp = string;

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'orange'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export const SOURCE_KINDS = ['text', 'markdown', 'html', 'pdf'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Admiralty source reliability: A completely reliable … E unreliable, F cannot be judged. */
export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY)[number];

export interface SourceMeta {
  title: string;
  authors: string[];
  publisher: string;
  /** Publication date as the analyst knows it (YYYY, YYYY-MM or YYYY-MM-DD), or ''. */
  publishedAt: string;
  url: string;
  language: string;
}

/** A source: immutable text snapshot (stored once, by content hash) plus editable metadata. */
export interface Source {
  id: Id;
  kind: SourceKind;
  /** File name it came from, or '' when pasted. */
  fileName: string;
  /** sha256 (hex) of the normalised text; the text itself lives in texts/<hash>.txt. */
  contentHash: string;
  /** Length of the normalised text in UTF-16 code units. */
  textLength: number;
  meta: SourceMeta;
  reliability: Reliability;
  /** Entity suggestions the analyst dismissed for this source (folded names). */
  dismissedSuggestions?: string[];
  /** Suggested claims the analyst dismissed for this source (their keys, "start:end" of the evidence in the text). */
  dismissedClaimSuggestions?: string[];
  /** Provenance of a source captured from the web (by URL or the browser extension); absent for files and pastes. */
  capture?: CaptureRecord;
  /** Set when this source is a re-capture (or the first capture) in a chain of versions of one address. */
  versionOf?: SourceVersionLink;
  /** For a pdf source imported with its pages: the kept original and where each page's text sits (absent for text-only PDF imports made before). */
  pdf?: PdfDocumentRecord;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** W3C Web Annotation TextQuoteSelector over the source's normalised text. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector; offsets are UTF-16 code units (see shared/anchoring/offsets.ts). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface Highlight {
  id: Id;
  sourceId: Id;
  color: HighlightColor;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  tagIds: Id[];
  note: string;
  /** Entities this passage mentions. */
  entityIds: Id[];
  /** On a PDF source: the page and rectangles where the passage was marked (or is shown) in the page view. */
  pdf?: PdfPlacement;
  /**
   * An area highlight (a figure or table without text): its page, rectangle and image crop. Its quote is empty
   * ('' exact, prefix and suffix) and its position the collapsed range at the start of its page's text.
   */
  area?: PdfArea;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface Tag {
  id: Id;
  name: string;
  color: string;
  parentId: Id | null;
  createdAt: Timestamp;
}

export const ENTITY_TYPES = ['person', 'organisation', 'place', 'event', 'other'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface Entity {
  id: Id;
  type: EntityType;
  name: string;
  aliases: string[];
  description: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export const CLAIM_TYPES = ['fact', 'assessment', 'intention', 'prediction', 'denial'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];
/** Admiralty information credibility: 1 confirmed … 5 improbable, 6 cannot be judged. */
export const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITY)[number];

export interface Claim {
  id: Id;
  claimantId: Id | null;
  statement: string;
  type: ClaimType;
  /** Date the claim was made (YYYY-MM-DD) or ''. */
  claimedAt: string;
  credibility: Credibility;
  evidenceHighlightIds: Id[];
  /** Entities the claim is about. */
  aboutEntityIds: Id[];
  supports: Id[];
  contradicts: Id[];
  tagIds: Id[];
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface Relationship {
  id: Id;
  fromId: Id;
  toId: Id;
  /** A vocabulary type (see shared/domain/vocabulary.ts) or a custom one. */
  type: string;
  /** Date or start of interval (YYYY[-MM[-DD]]) or ''. */
  startDate: string;
  endDate: string;
  /** 0..1 */
  confidence: number;
  note: string;
  evidenceHighlightIds: Id[];
  evidenceClaimIds: Id[];
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export const BLOCK_KINDS = ['text', 'claim', 'quote', 'relationship', 'entity', 'graph', 'timeline', 'ach'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export interface DossierBlock {
  id: Id;
  kind: BlockKind;
  /** Markdown for text blocks; otherwise ignored. */
  text: string;
  /** The referenced record for claim/quote/relationship/entity blocks; an ACH matrix for 'ach' blocks. */
  refId: Id | null;
}

export interface DossierSection {
  id: Id;
  title: string;
  blocks: DossierBlock[];
}

export interface Dossier {
  id: Id;
  title: string;
  subjectIds: Id[];
  author: string;
  sections: DossierSection[];
  /** Print each section from the top of a new page; absent (older dossiers) or false: short sections flow on. */
  newPagePerSection?: boolean;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** Where the analyst left things in a view (graph node positions), keyed by view name. */
export interface Layout {
  id: string;
  positions: Record<Id, { x: number; y: number }>;
  updatedAt: Timestamp;
}

/** Heuer's consistency ratings of one item of evidence against one hypothesis (shared/domain/analysis/ach.ts). */
export type AchRatingValue = 'CC' | 'C' | 'N' | 'I' | 'II';

export interface AchHypothesis {
  id: Id;
  label: string;
  note: string;
}

/** One item of evidence in a matrix: a claim or a highlight, with its rating against each hypothesis (absent = not rated). */
export interface AchEvidence {
  id: Id;
  kind: 'claim' | 'highlight';
  refId: Id;
  ratings: Record<Id, AchRatingValue>;
  note: string;
}

/** An Analysis of Competing Hypotheses matrix: hypotheses × evidence. */
export interface AchMatrix {
  id: Id;
  title: string;
  /** The question the hypotheses answer. */
  question: string;
  hypotheses: AchHypothesis[];
  evidence: AchEvidence[];
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** Every collection of a workspace, keyed by record id. */
export interface WorkspaceCollections {
  sources: Source;
  highlights: Highlight;
  tags: Tag;
  entities: Entity;
  claims: Claim;
  relationships: Relationship;
  dossiers: Dossier;
  layouts: Layout;
  matrices: AchMatrix;
}
export type CollectionName = keyof WorkspaceCollections;
export const COLLECTION_NAMES: readonly CollectionName[] = [
  'sources', 'highlights', 'tags', 'entities', 'claims', 'relationships', 'dossiers', 'layouts', 'matrices',
];
