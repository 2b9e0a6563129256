/** Serves the PDF page-view methods: the kept original and area highlights. */
import type { ApiHandlers } from '../../../shared/contract/api';
import type { Workbench } from '../workbench/workbench';
import { createAreaHighlight, readPdfOriginal } from '../workbench/pdf-sources';
import { readAreaImage } from '../workbench/pdf-area-image';

type PdfHandlers = Pick<ApiHandlers, 'sources.pdfOriginal' | 'highlights.createArea' | 'highlights.areaImage'>;

export function createPdfHandlers(wb: Workbench): PdfHandlers {
  return {
    'sources.pdfOriginal': async ({ id }) => readPdfOriginal(wb, id),
    'highlights.createArea': async (req) => createAreaHighlight(wb, req),
    'highlights.areaImage': async ({ id }) => readAreaImage(wb, id),
  };
}
