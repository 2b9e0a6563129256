/** Serves the PDF page-view methods: the kept original and area highlights. */
import type { ApiHandlers } from '../../../shared/contract/api';
import type { Workbench } from '../workbench/workbench';
import { createAreaHighlight, readPdfOriginal } from '../workbench/pdf-sources';

type PdfHandlers = Pick<ApiHandlers, 'sources.pdfOriginal' | 'highlights.createArea'>;

export function createPdfHandlers(wb: Workbench): PdfHandlers {
  return {
    'sources.pdfOriginal': async ({ id }) => readPdfOriginal(wb, id),
    'highlights.createArea': async (req) => createAreaHighlight(wb, req),
  };
}
