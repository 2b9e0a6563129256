/** Serves suggested claims: listing a source's suggestions and accepting one. */
import type { ApiHandlers } from '../../../shared/contract/api';
import type { Workbench } from '../workbench/workbench';
import { acceptClaimSuggestion, suggestClaimsForSource } from '../workbench/claim-suggestions';

export function createSuggestClaimsHandlers(wb: Workbench): Pick<ApiHandlers, 'claims.suggest' | 'claims.acceptSuggestion'> {
  return {
    'claims.suggest': async ({ sourceId }) => suggestClaimsForSource(wb, sourceId),
    'claims.acceptSuggestion': async (req) => acceptClaimSuggestion(wb, req),
  };
}
