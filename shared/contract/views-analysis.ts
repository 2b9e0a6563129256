/** Response views for claims, entities, relationships and the graph. */
import type { Claim, Entity, EntityType, Relationship, Reliability } from '../domain/types';

/** An exact passage of an exact source: what every statement is traced back to. */
export interface PassageRef {
  sourceId: string;
  sourceTitle: string;
  /** null for a mention found in the text rather than a highlight. */
  highlightId: string | null;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  /** In a PDF with pages: "p. 12" or "pp. 12–13", as a citation gives it. */
  page?: string;
  /** An area of a PDF page (a figure, table): it has no quote (exact is ''); shown as "Area on p. N". */
  area?: { page: number };
}

export interface EntitySummary extends Entity {
  /** Highlights linked to the entity. */
  linkedCount: number;
  claimCount: number;
  relationshipCount: number;
}

export interface ClaimView extends Claim {
  /** Admiralty code, e.g. "B2": best reliability among evidence sources + credibility. */
  grade: string;
  reliability: Reliability;
  claimantName: string | null;
  evidence: PassageRef[];
  sourceIds: string[];
  /** Backed by at least two independent sources (directly or through supporting claims). */
  corroborated: boolean;
  supportedBy: string[];
  contradictedBy: string[];
}

export interface RelationshipView extends Relationship {
  fromName: string;
  toName: string;
  fromType: EntityType;
  toType: EntityType;
  /** The vocabulary label ("supports") or the custom type as typed. */
  label: string;
  evidence: PassageRef[];
  evidenceClaims: Array<{ id: string; statement: string; grade: string }>;
  unevidenced: boolean;
  sourceIds: string[];
}

export interface EntityPage {
  entity: Entity;
  linkedPassages: PassageRef[];
  /** Occurrences of the name or an alias in source texts (capped). */
  textMentions: PassageRef[];
  textMentionTotal: number;
  claimsBy: ClaimView[];
  claimsAbout: ClaimView[];
  relationships: RelationshipView[];
}

export interface GraphNode {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
}

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  type: string;
  label: string;
  unevidenced: boolean;
  confidence: number;
  startDate: string;
  endDate: string;
  sourceIds: string[];
  tagIds: string[];
}

export interface GraphData {
  nodes: GraphNode[];
  edges: GraphEdge[];
  positions: Record<string, { x: number; y: number }>;
}

/** What cites a highlight: shown before deleting it. */
export interface Dependents {
  claims: Array<{ id: string; statement: string }>;
  relationships: Array<{ id: string; label: string }>;
  dossiers: Array<{ id: string; title: string }>;
}

/** A proposed entity for a source: never created until the analyst accepts it. */
export interface EntitySuggestionView {
  name: string;
  type: EntityType;
  mentions: number;
  occurrences: Array<{ start: number; end: number }>;
  variants: string[];
  /** An existing entity this suggestion matches by name or alias (merge target). */
  matchesEntityId: string | null;
  confidence: number;
}
