/**
 * The text layer of a scanned (OCR'd) page: pdf.js finds no text on a page image, so its layer stays empty and the
 * recognised words are laid into it instead — one transparent span per word, placed on and stretched to the word's
 * box, with pdf.js's own span rules (PdfPage.module.css), so selecting on the image works as on any text layer.
 */
import type { OcrWordBox } from '../../../../../shared/pdf/ocr-words';

const WORD_ATTR = 'data-ocr-word';
const FONT = 'sans-serif';

let measurer: CanvasRenderingContext2D | null = null;
/** The width in pixels of `text` set at 1 px per point of `size` (a canvas measures without laying out the DOM). */
function measure(text: string, size: number): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return 0;
  measurer.font = `${size}px ${FONT}`;
  return measurer.measureText(text).width;
}

/**
 * Fills `layer` (pdf.js's empty layer of the page) with a span per word, replacing spans laid before (a zoom builds a
 * new layer; a re-render may fill the same one again). Returns the spans in word order: span k is word k.
 * `pageWidthPt`/`pageHeightPt` are the displayed page's size in points.
 */
export function fillOcrLayer(
  layer: HTMLElement, words: readonly OcrWordBox[], texts: readonly string[], pageWidthPt: number, pageHeightPt: number,
): HTMLElement[] {
  layer.querySelectorAll(`[${WORD_ATTR}]`).forEach((el) => el.remove());
  const end = layer.querySelector('.endOfContent');
  const spans = words.map((word, k) => {
    const span = document.createElement('span');
    span.setAttribute('role', 'presentation');
    span.setAttribute(WORD_ATTR, '');
    span.textContent = texts[k] ?? '';
    const { x, y, w, h } = word.rect;
    const heightPt = h * pageHeightPt;
    const natural = measure(span.textContent, heightPt);
    span.style.left = `${x * 100}%`;
    span.style.top = `${y * 100}%`;
    span.style.fontFamily = FONT;
    // pdf.js's rules size the font from --font-height (points, times the zoom) and stretch it by --scale-x.
    span.style.setProperty('--font-height', `${heightPt}px`);
    if (natural > 0) span.style.setProperty('--scale-x', String((w * pageWidthPt) / natural));
    return span;
  });
  for (const span of spans) layer.insertBefore(span, end);
  return spans;
}
