/** The browser-mode connection state for components ('ok' in the desktop app, where it cannot fail). */
import { useSyncExternalStore } from 'react';
import { connection } from './client';
import type { ConnectionState } from './connection';

const noop = () => () => undefined;

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(
    connection ? (l) => connection!.subscribe(l) : noop,
    () => connection?.state ?? 'ok',
  );
}
