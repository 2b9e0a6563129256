/** Serves the dossier, export and annotation-import methods of the contract. */
import { ok } from '../../../shared/domain/result';
import type { HandlersOf } from '../../../shared/contract/define';
import type { dossiersApi } from '../../../shared/contract/api-dossiers';
import type { Workbench } from '../workbench/workbench';
import type { PdfPrinter } from '../export/pdf-printer';
import { addBlock, createDossier, deleteDossier, draftDossier, getDossier, listDossiers, updateDossier } from '../workbench/dossiers';
import { ExportJobs } from '../export/jobs';
import { exportAnnotationsW3C, exportGraphML, importAnnotationsW3C } from '../export/annotations';

export function createDossierHandlers(wb: Workbench, printer: PdfPrinter): HandlersOf<typeof dossiersApi> {
  const jobs = new ExportJobs(printer);
  return {
    'dossiers.list': async () => ok(listDossiers(wb)),
    'dossiers.get': async ({ id }) => getDossier(wb, id),
    'dossiers.create': async (req) => createDossier(wb, req),
    'dossiers.update': async (req) => updateDossier(wb, req),
    'dossiers.delete': async ({ id }) => deleteDossier(wb, id),
    'dossiers.addBlock': async (req) => addBlock(wb, req),
    'dossiers.draft': async (req) => draftDossier(wb, req),

    'exports.start': async ({ dossierId, format }) => jobs.start(wb, dossierId, format),
    'exports.status': async ({ jobId }) => jobs.status(jobId),
    'exports.download': async ({ jobId }) => jobs.download(jobId),
    'exports.annotations': async () => ok(exportAnnotationsW3C(wb)),
    'exports.graph': async () => ok(exportGraphML(wb)),

    'imports.annotations': async ({ json, sourceId }) => importAnnotationsW3C(wb, json, sourceId),
  };
}
