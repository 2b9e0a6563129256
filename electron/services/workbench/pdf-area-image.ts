/** Reads an area highlight's image crop from the captures store. (Being built: issue 16.) */
import type { AreaImage } from '../../../shared/contract/views-pdf';
import { fail, type ServiceResult, type Workbench } from './workbench';

export function readAreaImage(wb: Workbench, id: string): ServiceResult<AreaImage, 'not_found' | 'unsupported'> {
  void wb;
  return fail('unsupported', `Not built yet (${id}).`);
}
