/** CLI commands for upkeep: doctor (integrity check and repair), backups (list, create, restore), recover. */
import { EXIT } from '../exit-codes';
import { CliError, printJson, printTable } from '../output';
import { Workbench } from '../../services/workbench/workbench';
import { runDoctor } from '../../services/maintenance/doctor';
import { StoreError } from '../../services/store/errors';
import { listBackups } from '../../services/store/backups';
import { restoreBackup } from '../../services/store/restore';
import { continueWithoutBackup, enterRecovery, recoveryPending } from '../../services/store/recovery';
import type { DoctorReport, RecoveryInfo } from '../../../shared/contract/views-maintenance';
import { withWorkbench, type Command } from './common';

export const MAINTENANCE_USAGE = `  doctor [--repair]            check references, ids and text files; --repair fixes them (one undoable step)
  backups                      list the workspace's backups (newest first)
  backups create               take a verified backup now
  backups restore ID           replace the workspace with a backup (current files kept in quarantine/)
  recover --yes                open a damaged workspace with what could still be read`;

const PURPOSE = 'command line (workbench)';

function printRecovery(r: RecoveryInfo, json: boolean): number {
  if (json) printJson({ ok: false, recovery: r });
  else {
    process.stderr.write(`error: ${r.message}\n`);
    if (r.recommendedBackupId) process.stderr.write(`The newest good backup is ${r.recommendedBackupId}: run \`workbench backups restore ${r.recommendedBackupId}\`.\n`);
    else process.stderr.write('No usable backup was found.\n');
    if (r.canContinue) process.stderr.write(`Or run \`workbench recover --yes\`. ${r.continueEffect}\n`);
  }
  return 1;
}

function printReport(report: DoctorReport, json: boolean): number {
  const left = report.repaired ? report.repaired.unrepaired : report.problems.length;
  if (json) printJson(report);
  else {
    if (report.problems.length === 0) console.log('No problems found.');
    for (const p of report.problems) console.log(`- ${p.message} (${p.repairable ? `repair: ${p.fix}` : p.fix})`);
    if (report.repaired) {
      const r = report.repaired;
      console.log(`Repaired: ${r.records} record(s)${r.historyLabel ? ` in one step (undo: “${r.historyLabel}”)` : ''}, ${r.files.length} file(s); ${r.unrepaired} problem(s) left.`);
    } else if (report.problems.length > 0) console.log(`${report.problems.length} problem(s). Run \`workbench doctor --repair\` to fix them.`);
  }
  return left === 0 ? 0 : 1;
}

async function doctor(repair: boolean, dir: string, json: boolean): Promise<number> {
  let wb: Workbench;
  try {
    // A check alone reads without locking or writing; a repair needs the workspace to itself.
    wb = await Workbench.open(dir, { readOnly: !repair, purpose: PURPOSE });
  } catch (e) {
    if (!(e instanceof StoreError) || (e.kind !== 'damaged' && e.kind !== 'too_new')) throw e;
    if (repair) return printRecovery(enterRecovery(dir, e), json);
    const backups = listBackups(dir);
    const r: RecoveryInfo = { kind: e.kind === 'too_new' ? 'too_new' : 'damaged', message: `${e.message} Run \`workbench doctor --repair\` to move the damaged file aside and see the options.`,
      quarantined: [], backups, recommendedBackupId: backups.find((b) => b.verified)?.id ?? null, canContinue: false, continueEffect: '' };
    return printRecovery(r, json);
  }
  try {
    const r = runDoctor(wb, { repair });
    if (!r.ok) throw CliError.fromApi(r.error);
    return printReport(r.value, json);
  } finally {
    await wb.close();
  }
}

async function backups(sub: string | undefined, id: string | undefined, dir: string, json: boolean): Promise<number> {
  if (sub === undefined) {
    const list = listBackups(dir);
    if (json) printJson(list);
    else printTable(['ID', 'KIND', 'CREATED', 'SOURCES', 'HIGHLIGHTS', 'OK'],
      list.map((b) => [b.id, b.kind, b.createdAt, String(b.counts.sources ?? ''), String(b.counts.highlights ?? ''), b.verified ? 'yes' : `no: ${b.problem}`]));
    return 0;
  }
  if (sub === 'create') {
    const info = await withWorkbench(dir, false, async (wb) => wb.store.backup('manual'));
    if (json) printJson(info);
    else console.log(`Backup ${info.id} written and verified.`);
    return 0;
  }
  if (sub !== 'restore' || !id) throw new CliError('usage: workbench backups [create | restore ID]', EXIT.usage);
  const r = restoreBackup(dir, id);
  if (!r.ok) throw new CliError(r.message, r.reason === 'not_found' ? EXIT.notFound : EXIT.failed);
  if (json) printJson({ restored: r.restored, quarantined: r.quarantined });
  else {
    console.log(`Restored ${r.restored.id} (${r.restored.createdAt}).`);
    for (const q of r.quarantined) console.log(`  the replaced ${q.file} is kept as ${q.movedTo}`);
  }
  return 0;
}

export const maintenanceCommands: Record<string, Command> = {
  doctor: (a, dir, json) => doctor(a.switches.has('--repair'), dir, json),
  backups: (a, dir, json) => backups(a.positionals[1], a.positionals[2], dir, json),
  async recover(a, dir, json) {
    const pending = recoveryPending(dir);
    if (!pending) throw new CliError('The workspace is not waiting for recovery (run `workbench doctor --repair` first if it cannot be opened).');
    if (!a.switches.has('--yes')) throw new CliError(`recover keeps only what could be read; add --yes to go ahead. (${pending.message})`, EXIT.usage);
    const r = continueWithoutBackup(dir);
    if (!r.ok) throw new CliError(r.message);
    const counts = await withWorkbench(dir, true, async (wb) => ({ sources: wb.state.count('sources'), highlights: wb.state.count('highlights') }));
    if (json) printJson({ recovered: true, counts });
    else console.log(`Recovered: ${counts.sources} source(s), ${counts.highlights} highlight(s).`);
    return 0;
  },
};
