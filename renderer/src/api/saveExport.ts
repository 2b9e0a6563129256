/**
 * Saves an export: in the desktop app through the native save dialog, the services writing the file (the bytes never
 * enter the renderer); in browser mode as a browser download. Successes and failures are reported here.
 */
import type { SaveExportRequest } from '../../../shared/contract/desktop';
import type { ExportJobStatus, ExportedFile } from '../../../shared/contract/views-dossiers';
import { saveFile } from '../features/common/lib/saveFile';
import { desktop } from './desktop';
import { exportAnnotations, exportGraph, runExport, runExportJob, type ExportFormat } from './dossierMutations';
import { notifyError, notifySuccess } from './notify';
import { exportExchange } from './exchangeMutations';
import { exportMatrixCsv } from './achMutations';
import type { ExchangeExportFormat } from '../../../shared/contract/api-exchange';

export type ExportToSave =
  | { kind: 'dossier'; dossierId: string; format: ExportFormat; onStatus: (status: ExportJobStatus) => void }
  | { kind: 'annotations' }
  | { kind: 'graph' }
  | { kind: 'exchange'; format: ExchangeExportFormat }
  | { kind: 'ach'; matrixId: string };

/** Where it went (a full path in the desktop app, the file name in the browser), or cancelled; null after a reported failure. */
export type SaveOutcome = { savedAs: string } | { cancelled: true } | null;

const SUCCESS_TITLE = { dossier: 'Dossier exported', annotations: 'Exported', graph: 'Exported', exchange: 'Exported', ach: 'Exported' } as const;

export async function saveExport(what: ExportToSave): Promise<SaveOutcome> {
  return desktop ? saveNatively(what) : download(what);
}

async function saveNatively(what: ExportToSave): Promise<SaveOutcome> {
  let request: SaveExportRequest;
  if (what.kind === 'dossier') {
    // Only the job id comes back: the services hold the finished file and write it where the user chooses.
    const jobId = await runExportJob(what.dossierId, what.format, what.onStatus);
    if (jobId === null) return null;
    request = { kind: 'job', jobId };
  } else {
    request = what.kind === 'ach' ? { kind: 'ach', matrixId: what.matrixId }
      : what.kind === 'annotations' ? { kind: 'annotations', format: 'w3c' }
      : what.kind === 'exchange' ? { kind: 'exchange', format: what.format } : { kind: 'graph', format: 'graphml' };
  }
  const reply = await desktop!.saveExport(request);
  if (!reply.ok) {
    notifyError(saveErrorTitle(what), reply.error.message);
    return null;
  }
  if ('cancelled' in reply.value) return { cancelled: true };
  notifySuccess(SUCCESS_TITLE[what.kind], `Saved to ${reply.value.path}`);
  return { savedAs: reply.value.path };
}

async function download(what: ExportToSave): Promise<SaveOutcome> {
  const file: ExportedFile | null = what.kind === 'dossier' ? await runExport(what.dossierId, what.format, what.onStatus)
    : what.kind === 'ach' ? await exportMatrixCsv(what.matrixId)
    : what.kind === 'annotations' ? await exportAnnotations() : what.kind === 'exchange' ? await exportExchange(what.format) : await exportGraph();
  if (!file) return null;
  saveFile(file);
  notifySuccess(SUCCESS_TITLE[what.kind], `Saved ${file.fileName}`);
  return { savedAs: file.fileName };
}

function saveErrorTitle(what: ExportToSave): string {
  if (what.kind === 'dossier') return `Could not save the dossier (${what.format.toUpperCase()})`;
  if (what.kind === 'ach') return 'Could not save the ACH matrix (CSV)';
  if (what.kind === 'exchange') return `Could not save the ${what.format.toUpperCase()} export`;
  return what.kind === 'annotations' ? 'Could not save the annotations' : 'Could not save the graph';
}

/** The last part of a path, on any OS (the renderer has no `path`). */
export const fileNameOf = (savedAs: string): string => savedAs.split(/[\\/]/).pop() || savedAs;
