/** Serves the entity, claim, relationship and graph methods of the contract. */
import type { HandlersOf } from '../../../shared/contract/define';
import type { analysisApi } from '../../../shared/contract/api-analysis';
import type { Workbench } from '../workbench/workbench';

export function createAnalysisHandlers(wb: Workbench): HandlersOf<typeof analysisApi> {
  void wb;
  throw new Error('not implemented yet');
}
