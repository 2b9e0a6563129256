/** Reads an area highlight's image crop (a PNG in captures/) for the reader's lists and for dossier exports. */
import type { AreaImage } from '../../../shared/contract/views-pdf';
import type { Highlight } from '../../../shared/domain/types';
import { fail, type ServiceResult, type Workbench } from './workbench';
import { missingFileReason } from '../team/sync-blobs';
import { ok } from '../../../shared/domain/result';

export function readAreaImage(wb: Workbench, id: string): ServiceResult<AreaImage, 'not_found' | 'unsupported'> {
  const h = wb.state.get('highlights', id);
  if (!h) return fail('not_found', `No highlight with id ${id}.`);
  if (!h.area) return fail('unsupported', `Highlight ${id} is a text highlight, not an area of a page; it has no image.`);
  const image = h.area.image;
  if (!image) return fail('not_found', `The area highlight ${id} (p. ${h.area.page}) has no image: the crop could not be made when it was created.`);
  // get() verifies the bytes against their name: a changed file is reported, never shown as if it were the crop.
  const bytes = wb.store.captures.get(image.sha256);
  if (!bytes) {
    const why = wb.store.captures.state(image.sha256) === 'damaged' ? 'has changed on disk (run the workspace check)' : missingFileReason(wb.store.dir);
    return fail('not_found', `The image of area highlight ${id} (p. ${h.area.page}, ${image.sha256.slice(0, 12)}…) ${why}.`);
  }
  return ok({ blob: image, dataBase64: bytes.toString('base64') });
}

/** The crop as a data: URI for standalone HTML (dossiers embed it: nothing may load from outside), or null when unreadable. */
export function areaImageDataUri(wb: Workbench, h: Highlight): string | null {
  if (!h.area?.image) return null;
  const r = readAreaImage(wb, h.id);
  // Only raster images that Chromium prints safely; the store records PNG crops.
  if (!r.ok || !/^image\/(png|jpeg|webp)$/.test(r.value.blob.mediaType)) return null;
  return `data:${r.value.blob.mediaType};base64,${r.value.dataBase64}`;
}
