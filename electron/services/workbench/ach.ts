/** ACH matrices: hypotheses × evidence (claims and highlights), rated cell by cell; every edit one undoable step. */
import { ok } from '../../../shared/domain/result';
import type { WorkspaceState } from '../../../shared/domain/state';
import type { AchMatrix, AchRatingValue } from '../../../shared/domain/types';
import { achCsv } from '../../../shared/domain/analysis/ach';
import type { AchMatrixSummary, AchMatrixView } from '../../../shared/contract/views-ach';
import type { ExportedFile } from '../../../shared/contract/views-dossiers';
import { exportFileName } from '../../../shared/dossier/file-name';
import { fail, newId, now, type ServiceResult, type Workbench } from './workbench';
import { achMatrixView } from './ach-view';
import { rewriteDossierRefs, ChangeSet } from './dependents';

/** Heuer's own matrices rarely pass a dozen hypotheses; the limits keep one matrix a screen, not a database. */
export const MAX_HYPOTHESES = 30;
export const MAX_EVIDENCE = 500;

type Edit<C extends 'not_found' | 'duplicate' | 'invalid_request'> = (m: AchMatrix, s: WorkspaceState) => ServiceResult<AchMatrix, C>;

const missing = (id: string) => fail('not_found', `No ACH matrix with id ${id}.`);

/** Plans one edit of a matrix as one transaction, and answers with the matrix view after it. */
function editMatrix<C extends 'not_found' | 'duplicate' | 'invalid_request'>(
  wb: Workbench, matrixId: string, label: string, edit: Edit<C>,
): ServiceResult<AchMatrixView, C | 'not_found'> {
  const r = wb.run<undefined, C | 'not_found'>(label, (s) => {
    const m = s.get('matrices', matrixId);
    if (!m) return missing(matrixId);
    const next = edit(m, s);
    if (!next.ok) return next;
    return ok({ ops: [{ t: 'put', c: 'matrices', v: { ...next.value, updatedAt: now() } }], value: undefined });
  });
  if (!r.ok) return r;
  return ok(achMatrixView(wb.state, wb.state.get('matrices', matrixId)!));
}

export function listMatrices(wb: Workbench): AchMatrixSummary[] {
  return wb.state.all('matrices')
    .map((m) => ({ id: m.id, title: m.title, question: m.question, hypotheses: m.hypotheses.length, evidence: m.evidence.length, updatedAt: m.updatedAt }))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
}

export function getMatrix(wb: Workbench, id: string): ServiceResult<AchMatrixView, 'not_found'> {
  const m = wb.state.get('matrices', id);
  return m ? ok(achMatrixView(wb.state, m)) : missing(id);
}

export function createMatrix(wb: Workbench, req: { title: string; question: string }): ServiceResult<AchMatrixView, never> {
  const t = now();
  const m: AchMatrix = { id: newId(), title: req.title, question: req.question, hypotheses: [], evidence: [], createdAt: t, updatedAt: t };
  const r = wb.run<AchMatrix, never>(`New ACH matrix “${m.title}”`, () => ok({ ops: [{ t: 'put', c: 'matrices', v: m }], value: m }));
  return r.ok ? ok(achMatrixView(wb.state, r.value)) : r;
}

export function updateMatrix(wb: Workbench, req: { id: string; title?: string; question?: string }): ServiceResult<AchMatrixView, 'not_found'> {
  // The undo step says what it takes back: a rename and a new question are separate steps in the editor.
  const label = req.question === undefined ? 'Rename ACH matrix' : req.title === undefined ? 'Edit ACH matrix question' : 'Edit ACH matrix';
  return editMatrix<'not_found'>(wb, req.id, label, (m) => ok({
    ...m, ...(req.title !== undefined ? { title: req.title } : {}), ...(req.question !== undefined ? { question: req.question } : {}),
  }));
}

/** Deletes a matrix and the dossier blocks showing it. */
export function deleteMatrix(wb: Workbench, id: string): ServiceResult<{ id: string }, 'not_found'> {
  return wb.run('Delete ACH matrix', (s) => {
    const m = s.get('matrices', id);
    if (!m) return missing(id);
    const cs = new ChangeSet(s);
    cs.del('matrices', id);
    rewriteDossierRefs(cs, new Map([[id, null]]));
    return ok({ ops: cs.ops, value: { id } });
  });
}

export function addHypothesis(wb: Workbench, req: { matrixId: string; label: string; note: string }) {
  return editMatrix<'not_found' | 'invalid_request'>(wb, req.matrixId, 'Add hypothesis', (m) => {
    if (m.hypotheses.length >= MAX_HYPOTHESES) return fail('invalid_request', `A matrix holds at most ${MAX_HYPOTHESES} hypotheses.`);
    return ok({ ...m, hypotheses: [...m.hypotheses, { id: newId(), label: req.label, note: req.note }] });
  });
}

export function updateHypothesis(wb: Workbench, req: { matrixId: string; hypothesisId: string; label?: string; note?: string }) {
  return editMatrix<'not_found'>(wb, req.matrixId, 'Edit hypothesis', (m) => {
    if (!m.hypotheses.some((h) => h.id === req.hypothesisId)) return fail('not_found', `No hypothesis ${req.hypothesisId} in “${m.title}”.`);
    return ok({
      ...m,
      hypotheses: m.hypotheses.map((h) => (h.id !== req.hypothesisId ? h : {
        ...h, ...(req.label !== undefined ? { label: req.label } : {}), ...(req.note !== undefined ? { note: req.note } : {}),
      })),
    });
  });
}

/** Removes a hypothesis with its column of ratings (undo brings both back). */
export function removeHypothesis(wb: Workbench, req: { matrixId: string; hypothesisId: string }) {
  return editMatrix<'not_found'>(wb, req.matrixId, 'Remove hypothesis', (m) => {
    if (!m.hypotheses.some((h) => h.id === req.hypothesisId)) return fail('not_found', `No hypothesis ${req.hypothesisId} in “${m.title}”.`);
    return ok({
      ...m,
      hypotheses: m.hypotheses.filter((h) => h.id !== req.hypothesisId),
      evidence: m.evidence.map((e) => {
        const { [req.hypothesisId]: _gone, ...ratings } = e.ratings;
        return { ...e, ratings };
      }),
    });
  });
}

export function addEvidence(wb: Workbench, req: { matrixId: string; kind: 'claim' | 'highlight'; refId: string }) {
  return editMatrix<'not_found' | 'duplicate' | 'invalid_request'>(wb, req.matrixId, 'Add evidence', (m, s) => {
    const exists = req.kind === 'claim' ? s.get('claims', req.refId) : s.get('highlights', req.refId);
    if (!exists) return fail('not_found', `No ${req.kind} with id ${req.refId}.`);
    if (m.evidence.some((e) => e.refId === req.refId)) return fail('duplicate', `That ${req.kind} is already evidence in “${m.title}”.`);
    if (m.evidence.length >= MAX_EVIDENCE) return fail('invalid_request', `A matrix holds at most ${MAX_EVIDENCE} items of evidence.`);
    return ok({ ...m, evidence: [...m.evidence, { id: newId(), kind: req.kind, refId: req.refId, ratings: {}, note: '' }] });
  });
}

export function removeEvidence(wb: Workbench, req: { matrixId: string; evidenceId: string }) {
  return editMatrix<'not_found'>(wb, req.matrixId, 'Remove evidence', (m) => {
    if (!m.evidence.some((e) => e.id === req.evidenceId)) return fail('not_found', `No evidence row ${req.evidenceId} in “${m.title}”.`);
    return ok({ ...m, evidence: m.evidence.filter((e) => e.id !== req.evidenceId) });
  });
}

export function rateCell(wb: Workbench, req: { matrixId: string; evidenceId: string; hypothesisId: string; rating: AchRatingValue | null }) {
  return editMatrix<'not_found'>(wb, req.matrixId, 'Rate evidence', (m) => {
    if (!m.hypotheses.some((h) => h.id === req.hypothesisId)) return fail('not_found', `No hypothesis ${req.hypothesisId} in “${m.title}”.`);
    if (!m.evidence.some((e) => e.id === req.evidenceId)) return fail('not_found', `No evidence row ${req.evidenceId} in “${m.title}”.`);
    return ok({
      ...m,
      evidence: m.evidence.map((e) => {
        if (e.id !== req.evidenceId) return e;
        const { [req.hypothesisId]: _old, ...rest } = e.ratings;
        return { ...e, ratings: req.rating === null ? rest : { ...rest, [req.hypothesisId]: req.rating } };
      }),
    });
  });
}

export function matrixCsv(wb: Workbench, id: string): ServiceResult<ExportedFile, 'not_found'> {
  const m = wb.state.get('matrices', id);
  if (!m) return missing(id);
  const view = achMatrixView(wb.state, m);
  const csv = achCsv({
    hypotheses: m.hypotheses,
    evidence: view.evidence.map((e) => ({ row: { id: e.id, weight: e.weight, ratings: m.evidence.find((x) => x.id === e.id)!.ratings }, label: e.label, grade: e.grade })),
  });
  return ok({ fileName: exportFileName(m.title, 'csv'), mimeType: 'text/csv', dataBase64: Buffer.from(`\uFEFF${csv}`, 'utf8').toString('base64') });
}
