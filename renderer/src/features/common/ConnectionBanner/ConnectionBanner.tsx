/** A banner over every screen when browser mode lost its server: restarted (this tab's token is dead) or not answering. */
import { Alert } from '@mantine/core';
import { useConnectionState } from '../../../api/connectionHooks';

export function ConnectionBanner() {
  const state = useConnectionState();
  if (state === 'ok' || state === 'no_token') return null; // no_token: the workspace gate already explains it
  if (state === 'refused') {
    return (
      <Alert color="red" radius={0} role="alert" title="This tab's access has ended" data-testid="connection-banner" data-state="refused">
        The workbench server was restarted, so the access token of this tab no longer works and nothing can be
        saved from it. What you see may be out of date. Open the new launch URL that <code>npm run serve</code>{' '}
        printed (the one ending in ?token=…).
      </Alert>
    );
  }
  return (
    <Alert color="yellow" radius={0} role="alert" title="The workbench server is not answering" data-testid="connection-banner" data-state="unreachable">
      Is it still running? Nothing can be saved until it answers again; this tab keeps checking every few seconds.
    </Alert>
  );
}
