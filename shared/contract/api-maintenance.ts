/** Contract methods for workspace upkeep: the integrity check (doctor), backups, and recovery mode. */
import { z } from 'zod';
import { method } from './define';
import { empty } from './schemas';
import type { BackupInfo, DoctorReport, RestoreOutcome } from './views-maintenance';

const backupId = z.string().min(1).max(100).regex(/^[0-9A-Za-z-]+$/, 'expected a backup id');

export const maintenanceApi = {
  /** Checks references, ids and text files; with repair, fixes records in one undoable transaction and quarantines files. */
  'workspace.doctor': method<DoctorReport>()({
    request: z.object({ repair: z.boolean().default(false) }).strict(),
  }),
  /** Backups, newest first (quick check of each; restore re-verifies every hash). */
  'backups.list': method<BackupInfo[]>()({ request: empty }),
  /** Takes a verified backup now. */
  'backups.create': method<BackupInfo>()({ request: empty }),
  /**
   * Replaces the workspace with a backup; the replaced files are kept in quarantine/. Works in recovery mode
   * too. Afterwards every view must be re-fetched (the renderer invalidates its query cache).
   */
  'backups.restore': method<RestoreOutcome>()({
    request: z.object({ id: backupId }).strict(),
    errors: ['not_found', 'conflict', 'workspace_locked', 'unsupported'],
  }),
  /** Recovery mode only: open the workspace with what could still be read (see RecoveryInfo.continueEffect). */
  'recovery.continue': method<{ opened: boolean }>()({
    request: empty,
    errors: ['conflict', 'unsupported'],
  }),
};
