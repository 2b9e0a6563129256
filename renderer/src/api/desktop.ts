/** The desktop bridge (menu commands, native save dialogs, native context menus), or null in browser mode. */
import type { DesktopBridge } from '../../../shared/contract/desktop';
import { DESKTOP_GLOBAL } from '../../../shared/contract/desktop-global';

/** Read once: the preload exposes it before any script runs, and it never appears later. */
export const desktop: DesktopBridge | null = ((window as unknown as Record<string, unknown>)[DESKTOP_GLOBAL] as DesktopBridge | undefined) ?? null;
