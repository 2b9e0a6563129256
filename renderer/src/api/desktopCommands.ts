/**
 * Menu commands in the renderer: the application menu's (desktop, over the bridge) and the command palette's
 * (browser mode and desktop alike) reach the same handlers, registered by the component that owns the state.
 */
import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../shared/contract/desktop';
import { desktop } from './desktop';

type Handler = () => void;
interface Entry { run: Handler; fallback: boolean }

/** Per command, the handlers of the mounted components, in mount order. */
const registry = new Map<MenuCommand, Entry[]>();

/**
 * Runs a command: the most recently mounted screen-level handler wins (an open dossier's export menu); the
 * application-wide fallback (go to the dossiers screen) only when no screen handles it. Answers whether anyone did.
 */
export function runMenuCommand(command: MenuCommand): boolean {
  const entries = registry.get(command) ?? [];
  const chosen = entries.findLast((e) => !e.fallback) ?? entries.findLast((e) => e.fallback);
  chosen?.run();
  return chosen !== undefined;
}

let unsubscribe: (() => void) | null = null;
/** One bridge subscription for the whole app, made when the first handler mounts. */
function listenToMenu(): void {
  if (desktop && !unsubscribe) unsubscribe = desktop.onCommand((command) => void runMenuCommand(command));
}

/**
 * Handles `command` while the calling component is mounted. `fallback` marks the app-wide handler that yields to
 * any screen's own. The latest `handler` is used, so it may close over fresh state without re-registering.
 */
export function useMenuCommand(command: MenuCommand, handler: Handler, options: { fallback?: boolean } = {}): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);
  const fallback = options.fallback ?? false;
  useEffect(() => registerMenuCommand(command, () => latest.current(), fallback), [command, fallback]);
}

/** The hook's registration, without React: returns the unregister function. */
export function registerMenuCommand(command: MenuCommand, run: Handler, fallback = false): () => void {
  const entry: Entry = { run, fallback };
  registry.set(command, [...(registry.get(command) ?? []), entry]);
  listenToMenu();
  return () => {
    registry.set(command, (registry.get(command) ?? []).filter((e) => e !== entry));
  };
}

/** The reader's selection menu as a native menu: the command chosen, or null (closed, or not the desktop app). */
export async function nativeReaderMenu(x: number, y: number): Promise<MenuCommand | null> {
  if (!desktop) return null;
  const reply = await desktop.readerMenu({ x: Math.max(0, Math.round(x)), y: Math.max(0, Math.round(y)) });
  return reply.ok ? reply.value.command : null;
}

/** Whether the reader's selection menu is the native one (desktop app) or the page's own (browser mode). */
export const hasNativeReaderMenu = desktop !== null;
