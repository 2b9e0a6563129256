/** Serves the ACH matrix methods. */
import { ok } from '../../../shared/domain/result';
import type { ApiHandlers } from '../../../shared/contract/api';
import type { Workbench } from '../workbench/workbench';
import {
  addEvidence, addHypothesis, createMatrix, deleteMatrix, getMatrix, listMatrices, matrixCsv, rateCell, removeEvidence,
  removeHypothesis, updateHypothesis, updateMatrix,
} from '../workbench/ach';

type AchHandlers = Pick<ApiHandlers, Extract<keyof ApiHandlers, `ach.${string}`>>;

export function createAchHandlers(wb: Workbench): AchHandlers {
  return {
    'ach.list': async () => ok(listMatrices(wb)),
    'ach.get': async ({ id }) => getMatrix(wb, id),
    'ach.create': async (req) => createMatrix(wb, req),
    'ach.update': async (req) => updateMatrix(wb, req),
    'ach.delete': async ({ id }) => deleteMatrix(wb, id),
    'ach.addHypothesis': async (req) => addHypothesis(wb, req),
    'ach.updateHypothesis': async (req) => updateHypothesis(wb, req),
    'ach.removeHypothesis': async (req) => removeHypothesis(wb, req),
    'ach.addEvidence': async (req) => addEvidence(wb, req),
    'ach.removeEvidence': async (req) => removeEvidence(wb, req),
    'ach.rate': async (req) => rateCell(wb, req),
    'ach.csv': async ({ id }) => matrixCsv(wb, id),
  };
}
