/** ACH edits and the CSV export: call the contract, report failures, put the matrix from the reply into the cache. */
import type { Api } from '../../../shared/contract/api';
import type { RequestOf } from '../../../shared/contract/define';
import type { AchMatrixView } from '../../../shared/contract/views-ach';
import type { ExportedFile } from '../../../shared/contract/views-dossiers';
import { callApi, queryCache } from './client';
import { anyOf, keys } from './queries';

type Req<M extends keyof Api> = RequestOf<Api[M]>;
type MatrixMethod = 'ach.update' | 'ach.addHypothesis' | 'ach.updateHypothesis' | 'ach.removeHypothesis'
  | 'ach.addEvidence' | 'ach.removeEvidence' | 'ach.rate';

const matrixKey = (id: string) => `ach:matrix:${id}`;

/**
 * Every edit answers with the whole scored matrix: it replaces the cached one (no refetch, so a rating shows at once);
 * the list (counts, order) and the history (an undo step) reload.
 */
async function edit<M extends MatrixMethod>(method: M, request: Req<M>, errorTitle: string): Promise<AchMatrixView | null> {
  const reply = await callApi(method, request, errorTitle);
  if (!reply.ok) return null;
  const view = reply.value as AchMatrixView;
  const key = matrixKey(view.matrix.id);
  const patched = queryCache.patch<AchMatrixView>(key, () => view);
  await queryCache.invalidate(anyOf(keys.edited, (k) => k === 'ach:list', (k) => !patched && k === key));
  return view;
}

export async function createMatrix(r: Req<'ach.create'>): Promise<AchMatrixView | null> {
  const reply = await callApi('ach.create', r, 'Could not create the matrix');
  if (reply.ok) await queryCache.invalidate(anyOf(keys.edited, (k) => k === 'ach:list'));
  return reply.ok ? reply.value : null;
}

export async function deleteMatrix(id: string): Promise<boolean> {
  const reply = await callApi('ach.delete', { id }, 'Could not delete the matrix');
  // Dossier blocks showing the matrix are removed with it.
  if (reply.ok) await queryCache.invalidate(anyOf(keys.edited, (k) => k === 'ach:list' || k === 'dossiers' || k.startsWith('dossier:')));
  return reply.ok;
}

export const updateMatrix = (r: Req<'ach.update'>) => edit('ach.update', r, 'Could not save the matrix');
export const addHypothesis = (r: Req<'ach.addHypothesis'>) => edit('ach.addHypothesis', r, 'Could not add the hypothesis');
export const renameHypothesis = (r: Req<'ach.updateHypothesis'>) => edit('ach.updateHypothesis', r, 'Could not rename the hypothesis');
export const removeHypothesis = (r: Req<'ach.removeHypothesis'>) => edit('ach.removeHypothesis', r, 'Could not remove the hypothesis');
export const addEvidence = (r: Req<'ach.addEvidence'>) => edit('ach.addEvidence', r, 'Could not add the evidence');
export const removeEvidence = (r: Req<'ach.removeEvidence'>) => edit('ach.removeEvidence', r, 'Could not remove the evidence');
export const rateCell = (r: Req<'ach.rate'>) => edit('ach.rate', r, 'Could not rate the cell');

/** The matrix as a CSV file (for saveExport; null after a reported failure). */
export async function exportMatrixCsv(id: string): Promise<ExportedFile | null> {
  const reply = await callApi('ach.csv', { id }, 'Could not export the matrix');
  return reply.ok ? reply.value : null;
}
