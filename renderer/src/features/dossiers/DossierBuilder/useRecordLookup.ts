/** Every record a dossier block can cite, by id (claims, highlights, relationships, entities, ACH matrices, source titles), for cards and the picker. */
import { useMemo } from 'react';
import type { AchMatrixSummary } from '../../../../../shared/contract/views-ach';
import type { ClaimView, EntitySummary, RelationshipView } from '../../../../../shared/contract/views-analysis';
import type { Highlight } from '../../../../../shared/domain/types';
import { useAchMatrices } from '../../../api/achHooks';
import { useClaims, useEntities } from '../../../api/analysisHooks';
import { useAllHighlights, useAllRelationships } from '../../../api/dossierHooks';
import { useSources } from '../../../api/hooks';

export interface RecordLookup {
  claims: ClaimView[];
  highlights: Highlight[];
  relationships: RelationshipView[];
  entities: EntitySummary[];
  matrices: AchMatrixSummary[];
  claimById: Map<string, ClaimView>;
  highlightById: Map<string, Highlight>;
  relationshipById: Map<string, RelationshipView>;
  entityById: Map<string, EntitySummary>;
  matrixById: Map<string, AchMatrixSummary>;
  sourceTitle: (sourceId: string) => string;
  /** False until every list has arrived: a card must not call a record missing before then. */
  loaded: boolean;
}

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((x) => [x.id, x] as const));

export function useRecordLookup(): RecordLookup {
  const claims = useClaims({}).data;
  const highlights = useAllHighlights().data;
  const relationships = useAllRelationships().data;
  const entities = useEntities().data;
  const sources = useSources().data;
  const matrices = useAchMatrices().data;
  return useMemo(() => {
    const titles = new Map((sources ?? []).map((s) => [s.id, s.meta.title] as const));
    return {
      claims: claims ?? [], highlights: highlights ?? [], relationships: relationships ?? [], entities: entities ?? [], matrices: matrices ?? [],
      claimById: byId(claims ?? []), highlightById: byId(highlights ?? []),
      relationshipById: byId(relationships ?? []), entityById: byId(entities ?? []), matrixById: byId(matrices ?? []),
      sourceTitle: (id: string) => titles.get(id) ?? 'Unknown source',
      loaded: Boolean(claims && highlights && relationships && entities && sources && matrices),
    };
  }, [claims, highlights, relationships, entities, sources, matrices]);
}
