/** Serves the maintenance methods (doctor, backups, recovery) for an open workspace. */
import { ok } from '../../../shared/domain/result';
import type { HandlersOf, ReplyOf } from '../../../shared/contract/define';
import type { maintenanceApi } from '../../../shared/contract/api-maintenance';
import { fail, type Workbench } from '../workbench/workbench';
import { runDoctor } from '../maintenance/doctor';
import { listBackups } from '../store/backups';

type MaintenanceApi = typeof maintenanceApi;

/** What only the host can do, because it replaces the open workspace under every handler (see maintenance/session.ts). */
export interface MaintenanceHooks {
  restore(id: string): Promise<ReplyOf<MaintenanceApi['backups.restore']>>;
  continueRecovery(): Promise<ReplyOf<MaintenanceApi['recovery.continue']>>;
}

export function createMaintenanceHandlers(wb: Workbench, host: { seeded: boolean; maintenance?: MaintenanceHooks }): HandlersOf<MaintenanceApi> {
  return {
    'workspace.doctor': async ({ repair }) => runDoctor(wb, { repair }),
    'backups.list': async () => ok(listBackups(wb.store.dir)),
    'backups.create': async () => {
      try {
        return ok(wb.store.backup('manual'));
      } catch (e) {
        return fail('storage_failed', (e as Error).message);
      }
    },
    'backups.restore': async ({ id }) => host.maintenance?.restore(id)
      ?? fail('unsupported', 'Restoring a backup is not available here; close the workspace and run `workbench backups restore ID`.'),
    'recovery.continue': async () => fail('conflict', 'The workspace is open and healthy: there is nothing to recover.'),
  };
}
