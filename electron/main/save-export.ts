/** The native save dialog for every export: suggests a name in the last folder used, then the services write the file there. */
import fs from 'node:fs';
import path from 'node:path';
import { stripBom, writeFileDurable } from '../services/store/durable-fs';
import type { DesktopResult, SaveExportRequest } from '../../shared/contract/desktop';
import type { ExportJobStatus } from '../../shared/contract/views-dossiers';
import { EXCHANGE_FILE_NAMES as EXCHANGE_EXPORT_NAMES } from '../../shared/contract/api-exchange';
import type { Result } from '../../shared/domain/result';
import { DesktopMethodError, registerDesktopMethod, type DesktopHandler, type DesktopInvokeEvent } from './desktop-ipc';

/** Electron's SaveDialogOptions, as far as this module sets them. */
export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  buttonLabel: string;
  filters: { name: string; extensions: string[] }[];
  properties: ('createDirectory' | 'showOverwriteConfirmation')[];
}

/** Electron's `dialog`, as far as this module uses it (a test passes a fake). */
export interface SaveDialog {
  showSaveDialog(win: unknown, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
}

type Failure = { code: string; message: string };

export interface SaveExportDeps {
  dialog: SaveDialog;
  /** The window asking (the dialog is its sheet on macOS, modal elsewhere); null shows a free-standing dialog. */
  window: unknown | null;
  /** The services host writes the file (it calls writeExportFile). */
  writeExport(request: SaveExportRequest, filePath: string): Promise<Result<{ path: string; bytes: number }, Failure>>;
  /** exports.status through the services host: the job's file name, and whether there is anything to save yet. */
  jobStatus(jobId: string): Promise<Result<ExportJobStatus, Failure>>;
  /** app.getPath('userData'): where the last folder used is remembered. */
  userDataDir: string;
  /** app.getPath('documents'): the first folder offered. */
  documentsDir: string;
}

/** One filter per format, named as the OS shows it; the first extension is the one added to a bare name. */
const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  md: { name: 'Markdown', extensions: ['md'] },
  html: { name: 'HTML', extensions: ['html', 'htm'] },
  json: { name: 'JSON', extensions: ['json'] },
  jsonld: { name: 'JSON-LD', extensions: ['jsonld'] },
  graphml: { name: 'GraphML', extensions: ['graphml'] },
  qdpx: { name: 'REFI-QDA project', extensions: ['qdpx'] },
  bib: { name: 'BibTeX', extensions: ['bib'] },
  ris: { name: 'RIS', extensions: ['ris'] },
  csv: { name: 'CSV', extensions: ['csv'] },
};

/** The names the services give these files (exportAnnotationsW3C, exportGraphML): the same as the browser download's. */
export const EXCHANGE_FILE_NAMES = { annotations: 'annotations.jsonld', graph: 'graph.graphml' } as const;

export const LAST_FOLDER_FILE = 'export-folder.json';

export async function saveExportFlow(
  request: SaveExportRequest, deps: SaveExportDeps,
): Promise<DesktopResult<{ path: string } | { cancelled: true }>> {
  const suggested = await suggestedName(request, deps);
  if (!suggested.ok) return suggested;
  const fileName = suggested.value;
  const filter = FILTERS[path.extname(fileName).slice(1).toLowerCase()];
  const options: SaveDialogOptions = {
    title: request.kind === 'job' ? 'Save dossier export' : request.kind === 'annotations' ? 'Export annotations'
      : request.kind === 'exchange' ? `Export for other tools (${request.format.toUpperCase()})`
      : request.kind === 'ach' ? 'Export ACH matrix' : 'Export graph',
    defaultPath: path.join(lastFolder(deps), fileName),
    buttonLabel: 'Save',
    filters: filter ? [filter] : [],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const chosen = deps.window ? await deps.dialog.showSaveDialog(deps.window, options) : await deps.dialog.showSaveDialog(options);
  if (chosen.canceled || !chosen.filePath) return { ok: true, value: { cancelled: true } };
  const written = await deps.writeExport(request, withExtension(chosen.filePath, filter));
  if (!written.ok) return written;
  rememberFolder(deps.userDataDir, path.dirname(written.value.path));
  return { ok: true, value: { path: written.value.path } };
}

/**
 * The 'saveExport' desktop method: the dialog is shown on the window that asked. A failure becomes a typed error
 * for the renderer (DesktopMethodError keeps its code), a success the bridge's `{ path }` or `{ cancelled: true }`.
 */
export function saveExportMethod(
  deps: Omit<SaveExportDeps, 'window'> & { windowOf(event: DesktopInvokeEvent): unknown | null },
): DesktopHandler<'saveExport'> {
  return async (request, event) => {
    const r = await saveExportFlow(request, { ...deps, window: deps.windowOf(event) });
    if (!r.ok) throw new DesktopMethodError(r.error.code, r.error.message);
    return r.value;
  };
}

/** Registers saveExportMethod with the app's desktop IPC (main calls this once at start-up). */
export function registerSaveExport(deps: Parameters<typeof saveExportMethod>[0]): void {
  registerDesktopMethod('saveExport', saveExportMethod(deps));
}

/** The job's own file name (from the dossier title), or the exchange file's; a job not finished has nothing to save yet. */
async function suggestedName(request: SaveExportRequest, deps: SaveExportDeps): Promise<DesktopResult<string>> {
  if (request.kind === 'exchange') return { ok: true, value: EXCHANGE_EXPORT_NAMES[request.format] };
  if (request.kind === 'ach') return { ok: true, value: 'ach-matrix.csv' };
  if (request.kind !== 'job') return { ok: true, value: EXCHANGE_FILE_NAMES[request.kind] };
  const status = await deps.jobStatus(request.jobId);
  if (!status.ok) return { ok: false, error: { code: 'not_found', message: `${status.error.message} Export the dossier again.` } };
  if (status.value.state === 'running') return { ok: false, error: { code: 'not_finished', message: 'The export is still running: save it when it has finished.' } };
  if (status.value.state === 'failed') return { ok: false, error: { code: 'export_failed', message: status.value.error ?? 'The export failed.' } };
  return { ok: true, value: path.basename(status.value.fileName ?? 'dossier') };
}

/**
 * Linux file choosers do not add the filter's extension to a bare name (Windows and macOS do). Added only when no
 * file has that name yet: the user confirmed overwriting the name they typed, not another one.
 */
function withExtension(filePath: string, filter: { extensions: string[] } | undefined): string {
  if (!filter || path.extname(filePath) !== '') return filePath;
  const withExt = `${filePath}.${filter.extensions[0]}`;
  return fs.existsSync(withExt) ? filePath : withExt;
}

/** The folder the last export went to, while it still exists; else the Documents folder. */
export function lastFolder(deps: Pick<SaveExportDeps, 'userDataDir' | 'documentsDir'>): string {
  try {
    const saved = JSON.parse(stripBom(fs.readFileSync(path.join(deps.userDataDir, LAST_FOLDER_FILE), 'utf8'))) as { folder?: unknown };
    if (typeof saved.folder === 'string' && path.isAbsolute(saved.folder) && fs.statSync(saved.folder).isDirectory()) return saved.folder;
  } catch {
    // Never saved, unreadable or gone: the default is right in each case.
  }
  return deps.documentsDir;
}

/** Best effort: a folder not remembered costs one click next time, so a failure here must not fail the save. */
function rememberFolder(userDataDir: string, folder: string): void {
  try {
    writeFileDurable(path.join(userDataDir, LAST_FOLDER_FILE), `${JSON.stringify({ folder })}\n`);
  } catch (e) {
    console.warn('[workbench] could not remember the export folder:', (e as Error)?.message ?? e);
  }
}
