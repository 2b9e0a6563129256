/** Root component: recovery mode or the app; the app routes the hash to a screen inside the frame and wires the global shortcuts. */
import { AppLayout } from './features/common/AppLayout/AppLayout';
import { WorkspaceGate } from './features/common/WorkspaceGate/WorkspaceGate';
import { useUndoRedoShortcuts } from './features/common/hooks/useUndoRedoShortcuts';
import { useRoute } from './routes/useRoute';
import { Screen } from './routes/screens';

export function App() {
  return (
    <WorkspaceGate>
      <Workbench />
    </WorkspaceGate>
  );
}

/** Mounted only once the workspace is open, so no screen (nor Ctrl+Z) talks to a workspace in recovery mode. */
function Workbench() {
  const route = useRoute();
  useUndoRedoShortcuts();
  return (
    <AppLayout route={route}>
      <Screen route={route} />
    </AppLayout>
  );
}
