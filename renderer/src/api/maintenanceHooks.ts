/** Reads for workspace upkeep: the backups list (cache key "backups"). The doctor is an action, not a cached read. */
import type { BackupInfo } from '../../../shared/contract/views-maintenance';
import { client } from './client';
import { useQuery } from './hooks';
import type { QueryDef } from './queries';

const maintenanceQueries = {
  backups: (): QueryDef<BackupInfo[]> => ({ key: 'backups', fetch: () => client['backups.list']({}) }),
};

export const isBackupsKey = (k: string) => k === 'backups';

export const useBackups = () => useQuery(maintenanceQueries.backups());
