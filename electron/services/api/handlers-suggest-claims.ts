/** Serves suggested claims: listing a source's suggestions, accepting one and dismissing one. */
import type { ApiHandlers } from '../../../shared/contract/api';
import type { Workbench } from '../workbench/workbench';
import { acceptClaimSuggestion, dismissClaimSuggestion, suggestClaimsForSource } from '../workbench/claim-suggestions';

export function createSuggestClaimsHandlers(wb: Workbench): Pick<ApiHandlers, 'claims.suggest' | 'claims.acceptSuggestion' | 'claims.dismissSuggestion'> {
  return {
    'claims.suggest': async ({ sourceId }) => suggestClaimsForSource(wb, sourceId),
    'claims.acceptSuggestion': async (req) => acceptClaimSuggestion(wb, req),
    'claims.dismissSuggestion': async ({ sourceId, key }) => dismissClaimSuggestion(wb, sourceId, key),
  };
}
