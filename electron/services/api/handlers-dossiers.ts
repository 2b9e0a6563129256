/** Serves the dossier, export and annotation-import methods of the contract. */
import type { HandlersOf } from '../../../shared/contract/define';
import type { dossiersApi } from '../../../shared/contract/api-dossiers';
import type { Workbench } from '../workbench/workbench';
import type { PdfPrinter } from '../export/pdf-printer';

export function createDossierHandlers(wb: Workbench, printer: PdfPrinter): HandlersOf<typeof dossiersApi> {
  void wb;
  void printer;
  throw new Error('not implemented yet');
}
