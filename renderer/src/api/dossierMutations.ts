/** Dossier edits, export jobs (start, poll, download) and annotation/graph exchange: call the contract, report failures, refresh. */
import type { Api } from '../../../shared/contract/api';
import type { RequestOf } from '../../../shared/contract/define';
import type { ExportJobStatus, ExportedFile } from '../../../shared/contract/views-dossiers';
import { isAnalysisKey } from './analysisHooks';
import { callApi, queryCache } from './client';
import { isDossierKey } from './dossierHooks';
import { notifyError } from './notify';
import { anyOf, keys } from './queries';

type Req<M extends keyof Api> = RequestOf<Api[M]>;
type KeyMatch = (key: string) => boolean;

/** Every dossier edit is an undo step and changes the list's counts and dates. */
const DOSSIERS: KeyMatch = anyOf(keys.edited, (k) => k === 'dossiers');

async function run<M extends keyof Api>(method: M, request: Req<M>, errorTitle: string, refresh: KeyMatch) {
  const reply = await callApi(method, request, errorTitle);
  if (reply.ok) await queryCache.invalidate(refresh);
  return reply.ok ? reply.value : null;
}

export const createDossier = (r: Req<'dossiers.create'>) => run('dossiers.create', r, 'Could not create the dossier', DOSSIERS);
export const draftDossier = (r: Req<'dossiers.draft'>) => run('dossiers.draft', r, 'Could not draft the dossier', DOSSIERS);
export const deleteDossier = (id: string) =>
  run('dossiers.delete', { id }, 'Could not delete the dossier', anyOf(DOSSIERS, (k) => k !== `dossier:${id}` && isDossierKey(k)));
export const addBlockToDossier = (r: Req<'dossiers.addBlock'>) =>
  run('dossiers.addBlock', r, 'Could not add to the dossier', anyOf(DOSSIERS, (k) => k === `dossier:${r.dossierId}`));

/**
 * Saves a builder edit. The builder shows the change already and refreshes its preview itself (debounced),
 * so only the undo state and the list are refreshed here.
 */
export const updateDossier = (r: Req<'dossiers.update'>) => run('dossiers.update', r, 'Could not save the dossier', DOSSIERS);

/** Reloads one dossier (its rendered HTML for the preview included). */
export const reloadDossier = (id: string) => queryCache.invalidate((k) => k === `dossier:${id}`);

export type ExportFormat = Req<'exports.start'>['format'];

const POLL_MS = 300;
/** A PDF of a few hundred pages takes well under a minute; beyond this something is stuck. */
const GIVE_UP_MS = 5 * 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const exportErrorTitle = (format: ExportFormat) => `Could not export the dossier (${format.toUpperCase()})`;

/** Starts an export job, reports each status while it runs, and returns the finished file (null after a reported failure). */
export async function runExport(
  dossierId: string, format: ExportFormat, onStatus: (status: ExportJobStatus) => void,
): Promise<ExportedFile | null> {
  const jobId = await runExportJob(dossierId, format, onStatus);
  if (jobId === null) return null;
  const file = await callApi('exports.download', { jobId }, exportErrorTitle(format));
  return file.ok ? file.value : null;
}

/** Starts an export job and reports each status until it is done; answers its id (null after a reported failure). The file stays in the services. */
export async function runExportJob(
  dossierId: string, format: ExportFormat, onStatus: (status: ExportJobStatus) => void,
): Promise<string | null> {
  const title = exportErrorTitle(format);
  const started = await callApi('exports.start', { dossierId, format }, title);
  if (!started.ok) return null;
  const { jobId } = started.value;
  const deadline = Date.now() + GIVE_UP_MS;
  for (;;) {
    const status = await callApi('exports.status', { jobId }, title);
    if (!status.ok) return null;
    onStatus(status.value);
    if (status.value.state === 'failed') {
      notifyError(title, status.value.error ?? status.value.stage);
      return null;
    }
    if (status.value.state === 'done') return jobId;
    if (Date.now() > deadline) {
      notifyError(title, 'The export did not finish in five minutes.');
      return null;
    }
    await sleep(POLL_MS);
  }
}

export async function exportAnnotations(): Promise<ExportedFile | null> {
  const reply = await callApi('exports.annotations', { format: 'w3c' }, 'Could not export the annotations');
  return reply.ok ? reply.value : null;
}

export async function exportGraph(): Promise<ExportedFile | null> {
  const reply = await callApi('exports.graph', { format: 'graphml' }, 'Could not export the graph');
  return reply.ok ? reply.value : null;
}

/** Imported annotations become highlights: refresh everything that shows or counts highlights. */
export const importAnnotations = (r: Req<'imports.annotations'>) =>
  run('imports.annotations', r, 'Could not import the annotations',
    anyOf(keys.edited, keys.highlights, keys.readers, keys.sources, keys.tags, keys.workspace, isAnalysisKey));
