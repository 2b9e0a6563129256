/**
 * The desktop-only bridge beside the API contract: menu commands main → renderer, and the few things only the
 * desktop shell can do for the renderer (native save dialogs, a native context menu). Browser mode has no such
 * bridge; the renderer's api/desktop.ts answers `null` there and the screens use their in-page equivalents.
 */
import { z } from 'zod';
import { EXCHANGE_EXPORT_FORMATS } from './api-exchange';

/** What the preload exposes on `window` beside the API bridge (its own module: the renderer needs it without zod). */
export { DESKTOP_GLOBAL } from './desktop-global';
/** main → renderer: webContents.send(DESKTOP_COMMAND_CHANNEL, command) */
export const DESKTOP_COMMAND_CHANNEL = 'workbench:command';
/** renderer → main: ipcRenderer.invoke(DESKTOP_INVOKE_CHANNEL, method, request) → Result */
export const DESKTOP_INVOKE_CHANNEL = 'workbench:desktop';

/**
 * Commands the application menu or a context menu hands to the renderer, which owns the state they act on
 * (the current selection, the open dossier, the workbench's undo history).
 */
export const MENU_COMMANDS = [
  'import', 'pasteText', 'importUrl', 'exportDossier', 'undo', 'redo', 'find',
  'highlight', 'highlightAndTag', 'copyWithCitation',
  'goLibrary', 'goTags', 'goEntities', 'goGraph', 'goDossiers', 'goAnalysis',
  // Not from a menu: main changed the workspace's data itself (a file imported on a second launch); reload the lists.
  'dataChanged',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const menuCommandSchema = z.enum(MENU_COMMANDS);

/** What a native save dialog saves: a finished dossier export job, or an exchange export produced on demand. */
export const saveExportRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('job'), jobId: z.string().min(1).max(100) }),
  z.object({ kind: z.literal('annotations'), format: z.literal('w3c') }),
  z.object({ kind: z.literal('graph'), format: z.literal('graphml') }),
  z.object({ kind: z.literal('ach'), matrixId: z.string().min(1).max(100) }),
  z.object({ kind: z.literal('exchange'), format: z.enum(EXCHANGE_EXPORT_FORMATS) }),
]).describe('SaveExportRequest');
export type SaveExportRequest = z.infer<typeof saveExportRequestSchema>;

/** The reader's own context menu for a selection (the native one, so it looks like every other menu of the OS). */
export const readerMenuRequestSchema = z.object({
  x: z.number().int().min(0).max(100_000),
  y: z.number().int().min(0).max(100_000),
});
export type ReaderMenuRequest = z.infer<typeof readerMenuRequestSchema>;

export type DesktopResult<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** The desktop bridge as the renderer sees it. */
export interface DesktopBridge {
  readonly platform: 'darwin' | 'win32' | 'linux' | string;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onCommand(listener: (command: MenuCommand) => void): () => void;
  /** Shows the native save dialog, then the services write the file there (not a browser download). */
  saveExport(req: SaveExportRequest): Promise<DesktopResult<{ path: string } | { cancelled: true }>>;
  /** Pops the reader's selection menu at (x, y) in the window; resolves with the command chosen, or null. */
  readerMenu(req: ReaderMenuRequest): Promise<DesktopResult<{ command: MenuCommand | null }>>;
}

/** The desktop methods main serves on DESKTOP_INVOKE_CHANNEL, each with its request schema. */
export const DESKTOP_METHODS = {
  saveExport: saveExportRequestSchema,
  readerMenu: readerMenuRequestSchema,
} as const;
export type DesktopMethod = keyof typeof DESKTOP_METHODS;
