/** Which nodes and edges of the relationship graph to show for the analyst's filters (pure, unit-tested). */
import type { GraphData, GraphEdge, GraphNode } from '../../../../shared/contract/views-analysis';
import type { EntityType } from '../../../../shared/domain/types';
import { dateSpan, spanMeets } from '../../../../shared/domain/date-span';

export interface GraphFilters {
  entityTypes: readonly EntityType[];
  /** Relationship types to show; empty = all. */
  relationshipTypes: readonly string[];
  tagId: string | null;
  sourceId: string | null;
  /** Partial dates (YYYY[-MM[-DD]]) or ''. */
  from: string;
  to: string;
}

export interface VisibleGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The first day a partial date can mean ("2022" → "2022-01-01"), or null when it is not a date. */
export function lowerBound(date: string): string | null {
  if (!PARTIAL_DATE.test(date)) return null;
  return (date + '-01-01').slice(0, 10);
}

/** The last day a partial date can mean ("2022" → "2022-12-31", "2022-02" → "2022-02-31", an upper bound for comparing). */
export function upperBound(date: string): string | null {
  if (!PARTIAL_DATE.test(date)) return null;
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) return `${date}-31`;
  return date;
}

/**
 * Does the relationship's time span meet the range? A lone start date is a point in time (its period); a qualified
 * date ("<2019", before 2019) is open on its uncertain side. An undated relationship cannot be placed in any range,
 * so it is hidden while a date filter is set.
 */
export function edgeInDateRange(edge: Pick<GraphEdge, 'startDate' | 'endDate'>, from: string, to: string): boolean {
  const rangeFrom = lowerBound(from);
  const rangeTo = upperBound(to);
  if (!rangeFrom && !rangeTo) return true;
  const span = dateSpan(edge.startDate, edge.endDate);
  return span !== null && spanMeets(span, rangeFrom ? from : '', rangeTo ? to : '');
}

function hasEdgeFilter(f: GraphFilters): boolean {
  return f.relationshipTypes.length > 0 || f.tagId !== null || f.sourceId !== null || !!lowerBound(f.from) || !!upperBound(f.to);
}

/**
 * Nodes of the chosen types, and edges that pass every edge filter between two shown nodes. While an edge
 * filter is set, only nodes touching a shown edge remain: "what does this source say" shows just that network.
 */
export function filterGraph(data: Pick<GraphData, 'nodes' | 'edges'>, f: GraphFilters): VisibleGraph {
  const types = new Set(f.entityTypes);
  const relTypes = new Set(f.relationshipTypes);
  const typed = new Set(data.nodes.filter((n) => types.has(n.type)).map((n) => n.id));
  const edges = data.edges.filter((e) => typed.has(e.from) && typed.has(e.to)
    && (relTypes.size === 0 || relTypes.has(e.type))
    && (f.tagId === null || e.tagIds.includes(f.tagId))
    && (f.sourceId === null || e.sourceIds.includes(f.sourceId))
    && edgeInDateRange(e, f.from, f.to));
  if (!hasEdgeFilter(f)) return { nodes: data.nodes.filter((n) => typed.has(n.id)), edges };
  const touched = new Set(edges.flatMap((e) => [e.from, e.to]));
  return { nodes: data.nodes.filter((n) => touched.has(n.id)), edges };
}

/** Relationship types present in the graph, as select options (type → label). */
export function relationshipTypeOptions(edges: readonly Pick<GraphEdge, 'type' | 'label'>[]): Array<{ value: string; label: string }> {
  const byType = new Map<string, string>();
  for (const e of edges) if (!byType.has(e.type)) byType.set(e.type, e.label);
  return [...byType].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
}
