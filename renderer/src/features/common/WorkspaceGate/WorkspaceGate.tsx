/**
 * Decides what the window shows: a loader until workspace.info answers, the recovery screen in recovery mode, a
 * full-page explanation when the workspace cannot be reached at all (no or stale access token, server gone), else the app.
 */
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import type { WorkspaceInfo } from '../../../../../shared/contract/views';
import type { RecoveryInfo } from '../../../../../shared/contract/views-maintenance';
import { useWorkspaceInfo } from '../../../api/hooks';
import { RecoveryScreen } from '../../maintenance/RecoveryScreen/RecoveryScreen';

const inRecovery = (info: WorkspaceInfo | undefined): info is WorkspaceInfo & { recovery: RecoveryInfo } =>
  info?.recovery !== undefined;

export function WorkspaceGate({ children }: { children: ReactNode }) {
  const { data, error } = useWorkspaceInfo();
  // The shell's screens would each fail against a workspace in recovery mode: nothing else mounts until we know.
  if (inRecovery(data)) return <RecoveryScreen info={data} />;
  if (data === undefined && error === null) {
    return <Center h="100dvh" data-testid="workspace-loading"><Loader size="sm" /></Center>;
  }
  // Without workspace.info every screen would fail the same way: say it once, in full, with a way to retry.
  if (data === undefined && error !== null) {
    return (
      <Center h="100dvh" p="xl" data-testid="workspace-unreachable">
        <Stack maw={560}>
          <Alert color="red" title="The workspace cannot be reached">{error.message}</Alert>
          <Button variant="default" onClick={() => window.location.reload()}>Try again</Button>
        </Stack>
      </Center>
    );
  }
  return <>{children}</>;
}
