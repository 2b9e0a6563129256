/** Decides what the window shows: a loader until workspace.info answers, the recovery screen in recovery mode, else the app. */
import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import type { WorkspaceInfo } from '../../../../shared/contract/views';
import type { RecoveryInfo } from '../../../../shared/contract/views-maintenance';
import { useWorkspaceInfo } from '../../api/hooks';
import { RecoveryScreen } from '../RecoveryScreen/RecoveryScreen';

const inRecovery = (info: WorkspaceInfo | undefined): info is WorkspaceInfo & { recovery: RecoveryInfo } =>
  info?.recovery !== undefined;

export function WorkspaceGate({ children }: { children: ReactNode }) {
  const { data, error } = useWorkspaceInfo();
  // The shell's screens would each fail against a workspace in recovery mode: nothing else mounts until we know.
  if (inRecovery(data)) return <RecoveryScreen info={data} />;
  // An unreachable workspace.info is reported by the cache; the app then shows its own per-screen errors.
  if (data === undefined && error === null) {
    return <Center h="100dvh" data-testid="workspace-loading"><Loader size="sm" /></Center>;
  }
  return <>{children}</>;
}
