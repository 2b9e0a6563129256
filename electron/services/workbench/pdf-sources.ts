/** PDF sources as pages: reading the kept original and making area highlights. (Being built: issue 16.) */
import type { Highlight } from '../../../shared/domain/types';
import type { PdfRect } from '../../../shared/domain/pdf';
import type { PdfOriginal } from '../../../shared/contract/views-pdf';
import { fail, type ServiceResult, type Workbench } from './workbench';

export function readPdfOriginal(wb: Workbench, id: string): ServiceResult<PdfOriginal, 'not_found' | 'unsupported'> {
  void wb;
  return fail('unsupported', `Not built yet (${id}).`);
}

export interface AreaRequest {
  sourceId: string; page: number; rect: PdfRect; imageBase64: string | null; color: Highlight['color']; tagIds: string[]; note: string;
}

export function createAreaHighlight(wb: Workbench, req: AreaRequest): ServiceResult<Highlight, 'not_found' | 'unsupported' | 'invalid_request'> {
  void wb;
  return fail('unsupported', `Not built yet (${req.sourceId}).`);
}
