/** A PDF source with a page map built directly (no PDF import), and highlights on its pages: text with and without rects, over a page break, and an area. */
import type { BlobRef } from '../../shared/domain/capture';
import type { PdfDocumentRecord } from '../../shared/domain/pdf';
import type { Highlight, Source } from '../../shared/domain/types';

/** Three pages of text, joined as the importer joins pages ("\n\n"); page 3 is landscape (842 × 595 pt). */
export const PAGE_TEXTS = [
  'Annual report on regional energy. Ankara opened talks in March.',
  'Türkiye backs Kazakhstan on the pipeline. Erdoğan said the deal stands.',
  'Figure 3 shows gas flows by month through Қазақстан.',
] as const;
export const PAGED_TEXT = PAGE_TEXTS.join('\n\n');
const SIZES: Array<[number, number]> = [[612, 792], [612, 792], [842, 595]];

export const ON_PAGE_2 = 'Türkiye backs Kazakhstan';
export const OVER_BREAK = 'Erdoğan said the deal stands.\n\nFigure 3';
export const ON_PAGE_1 = 'Ankara opened talks';
/** Where the area sits on page 3 (fractions of the displayed page). */
export const AREA_RECT = { x: 0.1, y: 0.5, w: 0.5, h: 0.25 };
/** The rects of the page-2 highlight: two lines. */
export const PAGE_2_RECTS = [{ x: 0.1, y: 0.2, w: 0.3, h: 0.02 }, { x: 0.1, y: 0.22, w: 0.2, h: 0.02 }];

/** The page map of `text` (each page's text found in order; the text may have been normalised by an import). */
export function pagedRecord(text: string, original: BlobRef = { sha256: 'a'.repeat(64), bytes: 1000, mediaType: 'application/pdf' }): PdfDocumentRecord {
  let from = 0;
  const pages = PAGE_TEXTS.map((p, i) => {
    const start = text.indexOf(p, from);
    if (start < 0) throw new Error(`page ${i + 1} text not found`);
    from = start + p.length;
    const [width, height] = SIZES[i]!;
    return { start, end: start + p.length, width, height, rotation: 0 };
  });
  return { original, pageCount: pages.length, pages };
}

const T = '2026-03-04T05:06:07.000Z';

export function pagedSource(text = PAGED_TEXT, over: Partial<Source> = {}): Source {
  return {
    id: 'src-pdf', kind: 'pdf', fileName: 'energy-report.pdf', contentHash: 'c'.repeat(64), textLength: text.length,
    meta: { title: 'Regional energy report', authors: ['Energy Agency'], publisher: 'Agency', publishedAt: '2024-02-01', url: '', language: 'en' },
    reliability: 'B', createdAt: T, updatedAt: T, pdf: pagedRecord(text), ...over,
  };
}

function textHighlight(id: string, sourceId: string, text: string, exact: string, pdf?: Highlight['pdf']): Highlight {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`not in the paged text: ${exact}`);
  const end = start + exact.length;
  return {
    id, sourceId, color: 'yellow',
    quote: { type: 'TextQuoteSelector', exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
    position: { type: 'TextPositionSelector', start, end }, tagIds: [], note: '', entityIds: [], createdAt: T, updatedAt: T,
    ...(pdf ? { pdf } : {}),
  };
}

/** h-page2 (rects on p. 2), h-break (pp. 2–3, no rects), h-page1 (no rects), h-area (area on p. 3 with `image`). */
export function pagedHighlights(source: Source, text: string, image: BlobRef | null): Record<'page2' | 'overBreak' | 'page1' | 'area', Highlight> {
  const page3 = (source.pdf ?? pagedRecord(text)).pages[2]!;
  return {
    page2: textHighlight('h-page2', source.id, text, ON_PAGE_2, { page: 2, rects: PAGE_2_RECTS }),
    overBreak: textHighlight('h-break', source.id, text, OVER_BREAK),
    page1: textHighlight('h-page1', source.id, text, ON_PAGE_1),
    area: {
      id: 'h-area', sourceId: source.id, color: 'green',
      quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: page3.start, end: page3.start },
      tagIds: [], note: 'Gas flow chart', entityIds: [], createdAt: T, updatedAt: T,
      area: { page: 3, rect: AREA_RECT, image },
    },
  };
}

/** A small bar chart as PNG (a real image: Chromium must print it, a person must see it). */
export async function areaPng(): Promise<Uint8Array> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(240, 120);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, 240, 120);
  g.fillStyle = '#2b6cb0';
  [40, 70, 55, 95, 80].forEach((h, i) => g.fillRect(20 + i * 42, 110 - h, 30, h));
  g.strokeStyle = '#222222';
  g.strokeRect(0.5, 0.5, 239, 119);
  return new Uint8Array(canvas.toBuffer('image/png'));
}
