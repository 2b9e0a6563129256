/** Serves the code co-occurrence table. */
import { ok } from '../../../shared/domain/result';
import type { ApiHandlers } from '../../../shared/contract/api';
import type { Workbench } from '../workbench/workbench';
import { cooccurrenceTable } from '../workbench/cooccurrence';

export function createCooccurrenceHandlers(wb: Workbench): Pick<ApiHandlers, 'analysis.cooccurrence'> {
  return { 'analysis.cooccurrence': async (req) => ok(cooccurrenceTable(wb, req)) };
}
