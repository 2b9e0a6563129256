/** The current hash route as React state, plus navigation helpers. */
import { useMemo, useSyncExternalStore } from 'react';
import { formatRoute, parseHash, type Route } from './route';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const readHash = () => window.location.hash;

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, readHash);
  return useMemo(() => parseHash(hash), [hash]);
}

/** Pushes a history entry, so Back returns to the previous screen. */
export function navigate(route: Route): void {
  const next = formatRoute(route);
  if (window.location.hash !== next) window.location.hash = next;
}

/** Changes the hash without a new history entry (for in-screen state such as the selected highlight). */
export function replaceRoute(route: Route): void {
  const next = formatRoute(route);
  if (window.location.hash === next) return;
  window.history.replaceState(window.history.state, '', next);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export const hrefFor = formatRoute;
