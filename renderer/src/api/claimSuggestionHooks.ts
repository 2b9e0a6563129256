/** Suggested claims of a source (read), accepting and dismissing one (edits): the review list's only way to the contract. */
import type { Api } from '../../../shared/contract/api';
import type { RequestOf } from '../../../shared/contract/define';
import type { ClaimSuggestionView } from '../../../shared/contract/api-suggest-claims';
import { isAnalysisKey } from './analysisHooks';
import { callApi, client, queryCache } from './client';
import { useQuery } from './hooks';
import { anyOf, keys, type QueryDef } from './queries';

// Under 'suggestions:' so every analysis edit (and undo) refreshes it like the entity suggestions.
const claimSuggestions = (sourceId: string): QueryDef<ClaimSuggestionView[]> => ({
  key: `suggestions:claims:${sourceId}`,
  fetch: () => client['claims.suggest']({ sourceId }),
});

export const useClaimSuggestions = (sourceId: string | null) => useQuery(sourceId ? claimSuggestions(sourceId) : null);

/** Creates the claimant (if new), the evidence highlight and the claim as one undoable step. */
export async function acceptClaimSuggestion(r: RequestOf<Api['claims.acceptSuggestion']>) {
  const reply = await callApi('claims.acceptSuggestion', r, 'Could not accept the suggested claim');
  if (reply.ok) await queryCache.invalidate(anyOf(keys.edited, isAnalysisKey, keys.highlights, keys.readers));
  return reply.ok ? reply.value : null;
}

/** Hides the suggestion for this source for good (stored on the source, undoable); the list and the source refresh. */
export async function dismissClaimSuggestion(r: RequestOf<Api['claims.dismissSuggestion']>) {
  const reply = await callApi('claims.dismissSuggestion', r, 'Could not dismiss the suggested claim');
  if (reply.ok) await queryCache.invalidate(anyOf(keys.edited, isAnalysisKey, keys.sources, keys.readers));
  return reply.ok ? reply.value : null;
}
