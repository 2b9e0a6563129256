/** Workspace upkeep actions: check/repair (doctor), take and restore backups, continue in recovery mode. */
import type { DoctorReport, RestoreOutcome } from '../../../shared/contract/views-maintenance';
import { callApi, queryCache } from './client';
import { isBackupsKey } from './maintenanceHooks';
import { undo } from './mutations';
import { notifyWarning } from './notify';

/**
 * After a restore or "continue" the whole workspace is different (or only now open): every view reloads.
 * No page reload: the desktop shell blocks navigation, and the cache re-fetching workspace.info is enough
 * to leave the recovery screen.
 */
const reloadEverything = () => queryCache.invalidate();

/** Runs the integrity check; with repair, record fixes become one undo step, so every view reloads too. */
export async function checkWorkspace(repair: boolean): Promise<DoctorReport | null> {
  const reply = await callApi('workspace.doctor', { repair }, repair ? 'Could not repair the workspace' : 'Could not check the workspace');
  if (reply.ok && reply.value.repaired) await reloadEverything();
  return reply.ok ? reply.value : null;
}

/**
 * Undoes a repair, but only while it is still the last change: Undo always takes back the newest step,
 * and quietly undoing something else would surprise the user.
 */
export async function undoRepair(historyLabel: string): Promise<boolean> {
  const state = await callApi('history.state', {}, 'Could not read the undo history');
  if (!state.ok) return false;
  if (state.value.undoLabel !== historyLabel) {
    notifyWarning('The repair is no longer the last change',
      `Undo takes back the newest change first (now “${state.value.undoLabel ?? 'nothing'}”). Use Undo in the header to step back to “${historyLabel}”.`);
    return false;
  }
  return (await undo()) !== null;
}

export async function createBackup() {
  const reply = await callApi('backups.create', {}, 'Could not take a backup');
  if (reply.ok) await queryCache.invalidate(isBackupsKey);
  return reply.ok ? reply.value : null;
}

export async function restoreBackup(id: string): Promise<RestoreOutcome | null> {
  const reply = await callApi('backups.restore', { id }, 'Could not restore the backup');
  // Even a failed restore reopens the workspace (maybe in recovery mode): show what is there now.
  await reloadEverything();
  return reply.ok ? reply.value : null;
}

export async function continueRecovery(): Promise<boolean> {
  const reply = await callApi('recovery.continue', {}, 'Could not open the workspace with what could be read');
  await reloadEverything();
  return reply.ok && reply.value.opened;
}
