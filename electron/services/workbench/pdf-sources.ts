/** PDF sources as pages: reading the kept original and making area (rectangle) highlights with their image crops. */
import { ok } from '../../../shared/domain/result';
import type { Highlight } from '../../../shared/domain/types';
import type { PdfRect } from '../../../shared/domain/pdf';
import type { BlobRef } from '../../../shared/domain/capture';
import type { PdfOriginal } from '../../../shared/contract/views-pdf';
import { fail, newId, now, type ServiceResult, type Workbench } from './workbench';
import { missingFileReason } from '../team/sync-blobs';

export function readPdfOriginal(wb: Workbench, id: string): ServiceResult<PdfOriginal, 'not_found' | 'unsupported'> {
  const source = wb.state.get('sources', id);
  if (!source) return fail('not_found', `No source with id ${id}.`);
  if (!source.pdf) {
    return fail('unsupported', source.kind === 'pdf'
      ? `“${source.meta.title}” was imported before PDFs kept their pages: import the file again to read it as pages.`
      : `“${source.meta.title}” is not a PDF: it has no pages.`);
  }
  const { original } = source.pdf;
  // get() verifies the bytes against their name: a changed file is reported, never shown as if it were the original.
  const bytes = wb.store.captures.get(original.sha256);
  if (!bytes) {
    const why = wb.store.captures.state(original.sha256) === 'damaged' ? 'has changed on disk (run the workspace check)' : missingFileReason(wb.store.dir);
    return fail('not_found', `The original PDF of “${source.meta.title}” (${original.sha256.slice(0, 12)}…) ${why}.`);
  }
  const fileName = source.fileName || `${source.meta.title || 'document'}.pdf`;
  return ok({ fileName, blob: original, dataBase64: bytes.toString('base64') });
}

export interface AreaRequest {
  sourceId: string; page: number; rect: PdfRect; imageBase64: string | null; color: Highlight['color']; tagIds: string[]; note: string;
}

/** 20 MB of PNG and 16,384 px a side: far more than a figure cropped at screen resolution needs. */
export const MAX_CROP_BYTES = 20 * 1024 * 1024;
export const MAX_CROP_SIDE = 16_384;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IEND = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/** Why the bytes are not a whole PNG of an acceptable size (signature, IHDR first, sane header, IEND last), or null. */
export function pngProblem(png: Uint8Array): string | null {
  if (png.byteLength === 0) return 'the image is empty';
  if (png.byteLength > MAX_CROP_BYTES) return `the image is too large (${(png.byteLength / 1048576).toFixed(1)} MB; the limit is ${MAX_CROP_BYTES / 1048576} MB)`;
  if (png.byteLength < 8 + 25 + 12 || PNG_SIGNATURE.some((b, i) => png[i] !== b)) return 'the image is not a PNG (no PNG signature)';
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const type = String.fromCharCode(png[12]!, png[13]!, png[14]!, png[15]!);
  if (view.getUint32(8) !== 13 || type !== 'IHDR') return 'the image is not a valid PNG (its first chunk is not a header)';
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const depth = png[24]!;
  const colour = png[25]!;
  if (width === 0 || height === 0) return 'the image is not a valid PNG (it has no pixels)';
  if (![1, 2, 4, 8, 16].includes(depth) || ![0, 2, 3, 4, 6].includes(colour)) return 'the image is not a valid PNG (bad header)';
  if (width > MAX_CROP_SIDE || height > MAX_CROP_SIDE) {
    return `the image is too large (${width} × ${height} px; the limit is ${MAX_CROP_SIDE.toLocaleString('en')} px a side)`;
  }
  if (IEND.some((b, i) => png[png.byteLength - IEND.length + i] !== b)) return 'the image is not a whole PNG (it does not end with IEND: cut short?)';
  return null;
}

const rectProblem = (r: PdfRect): string | null => {
  const values = [r.x, r.y, r.w, r.h];
  if (!values.every(Number.isFinite)) return 'the rectangle has a non-numeric side';
  if (r.x < 0 || r.y < 0 || r.w <= 0 || r.h <= 0 || r.x + r.w > 1.000001 || r.y + r.h > 1.000001) {
    return 'the rectangle must lie inside the page (fractions 0–1 of its width and height) and not be empty';
  }
  return null;
};

/**
 * An area highlight: the crop (a PNG made by the page view) goes to captures/ first, then one undoable transaction puts
 * the highlight (quote empty, position collapsed where its page's text starts; see Highlight.area). A failure stores
 * nothing the workspace refers to.
 */
export function createAreaHighlight(wb: Workbench, req: AreaRequest): ServiceResult<Highlight, 'not_found' | 'unsupported' | 'invalid_request'> {
  const source = wb.state.get('sources', req.sourceId);
  if (!source) return fail('not_found', `No source with id ${req.sourceId}.`);
  if (!source.pdf) return fail('unsupported', `“${source.meta.title}” has no pages: an area of a page cannot be highlighted on it.`);
  const page = source.pdf.pages[req.page - 1];
  if (!Number.isInteger(req.page) || !page) {
    return fail('invalid_request', `Page ${req.page} does not exist: “${source.meta.title}” has ${source.pdf.pageCount} pages.`);
  }
  const badRect = rectProblem(req.rect);
  if (badRect) return fail('invalid_request', `Cannot highlight this area: ${badRect}.`);
  const missingTag = req.tagIds.find((t) => !wb.state.get('tags', t));
  if (missingTag) return fail('not_found', `No tag with id ${missingTag}.`);
  let image: BlobRef | null = null;
  if (req.imageBase64 !== null) {
    const png = Buffer.from(req.imageBase64, 'base64');
    const bad = pngProblem(png);
    if (bad) return fail('invalid_request', `Cannot keep the crop of page ${req.page}: ${bad}.`);
    try {
      image = wb.store.captures.put(png, 'image/png');
    } catch (e) {
      return fail('storage_failed', `Could not save the crop of page ${req.page}: ${(e as Error).message}`);
    }
  }
  const t = now();
  const h: Highlight = {
    id: newId(), sourceId: source.id, color: req.color,
    quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: page.start, end: page.start },
    tagIds: [...new Set(req.tagIds)], note: req.note, entityIds: [],
    area: { page: req.page, rect: { x: req.rect.x, y: req.rect.y, w: req.rect.w, h: req.rect.h }, image },
    createdAt: t, updatedAt: t,
  };
  return wb.run(`Highlight an area of page ${req.page}`, () => ok({ ops: [{ t: 'put', c: 'highlights', v: h }], value: h }));
}
