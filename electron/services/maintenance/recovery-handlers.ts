/** The handler set served while the workspace cannot be used: workspace.info explains, backups can be restored, all else refuses. */
import { ok } from '../../../shared/domain/result';
import { METHOD_NAMES, type ApiHandlers } from '../../../shared/contract/api';
import type { RecoveryInfo } from '../../../shared/contract/views-maintenance';
import { fail } from '../workbench/workbench';
import { listBackups } from '../store/backups';
import type { MaintenanceHooks } from '../api/handlers-maintenance';

/** Every contract method answering storage_failed with `message` (built from METHOD_NAMES, so none is missing). */
export function refusingHandlers(message: string): ApiHandlers {
  const refuse = async () => fail('storage_failed', message);
  return Object.fromEntries(METHOD_NAMES.map((m) => [m, refuse])) as unknown as ApiHandlers;
}

export function createRecoveryHandlers(dir: string, recovery: RecoveryInfo, hooks: MaintenanceHooks): ApiHandlers {
  const why = recovery.kind === 'too_new'
    ? recovery.message
    : `The workspace cannot be used until it is recovered: ${recovery.message} Restore a backup${recovery.canContinue ? ' or continue with what could be read' : ''}.`;
  return {
    ...refusingHandlers(why),
    'workspace.info': async () => ok({
      path: dir, schemaVersion: 0, counts: { sources: 0, highlights: 0, tags: 0 }, seeded: false, recovery,
    }),
    'backups.list': async () => ok(listBackups(dir)),
    'backups.restore': async ({ id }) => hooks.restore(id),
    'recovery.continue': async () => hooks.continueRecovery(),
  };
}
