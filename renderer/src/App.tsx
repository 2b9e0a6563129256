/** Root component: routes the hash to a screen inside the app frame and wires the global shortcuts. */
import { AppLayout } from './components/AppLayout/AppLayout';
import { useUndoRedoShortcuts } from './hooks/useUndoRedoShortcuts';
import { useRoute } from './routes/useRoute';
import { Screen } from './routes/screens';

export function App() {
  const route = useRoute();
  useUndoRedoShortcuts();
  return (
    <AppLayout route={route}>
      <Screen route={route} />
    </AppLayout>
  );
}
