/** Reads for entities, claims, relationships, the graph and suggestions: cache keys, fetchers and hooks. */
import type { Api } from '../../../shared/contract/api';
import type { RequestOf } from '../../../shared/contract/define';
import type {
  ClaimView, Dependents, EntityPage, EntitySuggestionView, EntitySummary, GraphData, RelationshipView,
} from '../../../shared/contract/views-analysis';
import { expandGraph } from '../../../shared/contract/graph-wire';
import { client } from './client';
import { useQuery } from './hooks';
import type { QueryDef } from './queries';

export type ClaimQuery = Partial<RequestOf<Api['claims.list']>>;

/** Same filter, same key: properties in a fixed order, unset ones left out. */
function claimQueryKey(q: ClaimQuery): string {
  const entries = Object.entries(q).filter(([, v]) => v !== undefined && v !== null && v !== '').sort(([a], [b]) => a.localeCompare(b));
  return `claims:${JSON.stringify(Object.fromEntries(entries))}`;
}

export const analysisQueries = {
  entities: (): QueryDef<EntitySummary[]> => ({ key: 'entities', fetch: () => client['entities.list']({}) }),
  entity: (id: string): QueryDef<EntityPage> => ({ key: `entity:${id}`, fetch: () => client['entities.get']({ id }) }),
  claims: (q: ClaimQuery): QueryDef<ClaimView[]> => ({
    key: claimQueryKey(q),
    fetch: () => client['claims.list']({ sort: 'created', ...q }),
  }),
  claim: (id: string): QueryDef<ClaimView> => ({ key: `claim:${id}`, fetch: () => client['claims.get']({ id }) }),
  relationship: (id: string): QueryDef<RelationshipView> => ({
    key: `relationship:${id}`,
    fetch: () => client['relationships.get']({ id }),
  }),
  // Compact on the wire (see graph-wire); the graph screen works with the plain form.
  graph: (): QueryDef<GraphData> => ({ key: 'graph', fetch: async () => {
    const reply = await client['graph.get']({});
    return reply.ok ? { ok: true, value: expandGraph(reply.value) } : reply;
  } }),
  suggestions: (sourceId: string): QueryDef<EntitySuggestionView[]> => ({
    key: `suggestions:${sourceId}`,
    fetch: () => client['entities.suggest']({ sourceId }),
  }),
  dependents: (highlightId: string): QueryDef<Dependents> => ({
    key: `dependents:${highlightId}`,
    fetch: () => client['highlights.dependents']({ id: highlightId }),
  }),
};

const AREAS = ['entities', 'entity:', 'claims:', 'claim:', 'relationship:', 'graph', 'suggestions:', 'dependents:', 'timeline:'];

/** Every analysis read: any analysis edit (or undo/redo) may change counts, grades or evidence in all of them. */
export const isAnalysisKey = (k: string) => AREAS.some((a) => (a.endsWith(':') ? k.startsWith(a) : k === a));

export const useEntities = () => useQuery(analysisQueries.entities());
export const useEntityPage = (id: string | null) => useQuery(id ? analysisQueries.entity(id) : null);
export const useClaims = (q: ClaimQuery) => useQuery(analysisQueries.claims(q));
export const useClaim = (id: string | null) => useQuery(id ? analysisQueries.claim(id) : null);
export const useRelationship = (id: string | null) => useQuery(id ? analysisQueries.relationship(id) : null);
export const useGraph = () => useQuery(analysisQueries.graph());
export const useSuggestions = (sourceId: string | null) => useQuery(sourceId ? analysisQueries.suggestions(sourceId) : null);
export const useHighlightDependents = (highlightId: string | null) =>
  useQuery(highlightId ? analysisQueries.dependents(highlightId) : null);
