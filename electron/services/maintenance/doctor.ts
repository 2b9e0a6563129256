/** `workbench doctor` / workspace.doctor: finds broken references, duplicate ids and bad text files; repairs on request. */
import { ok } from '../../../shared/domain/result';
import type { DoctorReport } from '../../../shared/contract/views-maintenance';
import { fail, type ServiceResult, type Workbench } from '../workbench/workbench';
import { checkRecords } from './record-checks';
import { checkFiles, repairFiles } from './file-checks';
import { checkCaptures, repairCaptures } from './capture-checks';

export const REPAIR_LABEL = 'Repair workspace';

/**
 * Checks the open workspace. With `repair`, record fixes are committed as ONE undoable transaction through the
 * normal command path (so "Undo" takes the whole repair back), and file fixes move files to quarantine/ or
 * restore texts from backups (files are not part of undo; nothing is deleted).
 */
export function runDoctor(wb: Workbench, opts: { repair: boolean }): ServiceResult<DoctorReport, never> {
  const records = checkRecords(wb.state);
  const fileProblems = [...checkFiles(wb.store.dir, wb.state), ...checkCaptures(wb.store.dir, wb.state)];
  const problems = [...records.problems, ...fileProblems];
  const report: DoctorReport = { checkedAt: new Date().toISOString(), problems, repaired: null };
  if (!opts.repair || problems.length === 0) return ok(report);
  if (wb.store.readOnly) return ok(report);
  let historyLabel: string | null = null;
  if (records.ops.length > 0) {
    const label = `${REPAIR_LABEL} (${records.ops.length} record${records.ops.length === 1 ? '' : 's'})`;
    const r = wb.run<null, never>(label, () => ok({ ops: records.ops, value: null }));
    if (!r.ok) return r;
    historyLabel = label;
  }
  let files: string[] = [];
  let unrepaired = problems.filter((p) => !p.repairable).length;
  try {
    const f = repairFiles(wb.store.dir, fileProblems);
    const c = repairCaptures(wb.store.dir, fileProblems);
    files = [...f.files, ...c.files];
    unrepaired += f.unrepaired + c.unrepaired;
  } catch (e) {
    const done = historyLabel ? ` The record fixes were saved (undo: “${historyLabel}”).` : '';
    return fail('storage_failed', `Could not repair the workspace files: ${(e as Error).message}${done}`);
  } finally {
    wb.store.texts.forget();
    wb.store.captures.forget();
  }
  return ok({ ...report, repaired: { records: records.ops.length, historyLabel, files, unrepaired } });
}
