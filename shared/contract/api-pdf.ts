/** Contract methods for PDF sources as pages: the kept original for the page view, and area (rectangle) highlights. */
import { z } from 'zod';
import { method } from './define';
import { id, text } from './schemas';
import { HIGHLIGHT_COLORS, type Highlight } from '../domain/types';
import type { AreaImage, PdfOriginal } from './views-pdf';

/** A rectangle as fractions of the displayed page (see PdfRect): inside the page and not empty. */
export const pdfRect = z.object({
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  w: z.number().gt(0).max(1),
  h: z.number().gt(0).max(1),
}).strict().refine((r) => r.x + r.w <= 1.000001 && r.y + r.h <= 1.000001, { message: 'the rectangle reaches outside the page' });

/** A page placement sent with highlights.create from the page view. */
export const pdfPlacement = z.object({
  page: z.number().int().min(1).max(100_000),
  rects: z.array(pdfRect).min(1).max(2_000),
}).strict();

/** A PNG crop as base64: 20 MB of image is plenty for one figure at screen resolution. */
const MAX_CROP_BASE64 = 28 * 1024 * 1024;

export const pdfApi = {
  /** The image crop of an area highlight (PNG), for lists, editors and dossiers. */
  'highlights.areaImage': method<AreaImage>()({
    request: z.object({ id }).strict(),
    errors: ['not_found', 'unsupported'],
  }),
  /** The original PDF of a pdf source, for the page view (and for saving a copy). */
  'sources.pdfOriginal': method<PdfOriginal>()({
    request: z.object({ id }).strict(),
    errors: ['not_found', 'unsupported'],
  }),
  /** An area highlight: a rectangle on a page of a kept PDF, with its PNG crop (made by the page view). */
  'highlights.createArea': method<Highlight>()({
    request: z.object({
      sourceId: id,
      page: z.number().int().min(1).max(100_000),
      rect: pdfRect,
      imageBase64: z.string().max(MAX_CROP_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64').nullable(),
      color: z.enum(HIGHLIGHT_COLORS).default('yellow'),
      tagIds: z.array(id).max(100).default([]),
      note: text(100_000).default(''),
    }).strict(),
    errors: ['not_found', 'unsupported', 'invalid_request'],
  }),
};
