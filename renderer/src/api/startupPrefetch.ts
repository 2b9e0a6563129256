/** The app's one Prefetcher, and what each first screen reads: started from main.tsx before React renders. */
import type { Route } from '../routes/route';
import { Prefetcher } from './prefetch';
import { queries } from './queries';

export const prefetcher = new Prefetcher();

/** Starts the main read of the screen the page opens on (the library's list, the reader's source). */
export function prefetchFor(route: Route): void {
  // workspace.info first: the server answers in order, and nothing is shown before it (WorkspaceGate).
  prefetcher.start(queries.workspace());
  if (route.name === 'library') prefetcher.start(queries.sources());
  else if (route.name === 'reader') prefetcher.start(queries.reader(route.sourceId));
  window.addEventListener('hashchange', () => prefetcher.clear(), { once: true });
}
