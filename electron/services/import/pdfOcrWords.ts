/** Places a scanned page's recognised words in its stored text, for PdfPageInfo.words (the page view's layer over the scan). */
import { OCR_WORD_STRIDE } from '../../../shared/pdf/ocr-words';
import type { OcrWord } from './ocr/ocrText';
import { normaliseText } from './normalise';

/**
 * How far past the previous word the next may be found: words come in the order the page text was written from
 * them, so only the separators (and a word tesseract left out of its line text) lie between.
 */
const MAX_GAP = 64;

/**
 * The words as PdfPageInfo.words: each word's range in `pageText` (the page's shaped text), found in order, and its
 * box in points clamped to the page. A word whose text cannot be found near where the previous one ended is left
 * out (the text is the truth; a layer with a missing word is better than one that points at the wrong letters).
 */
export function locateWords(pageText: string, words: readonly OcrWord[], width: number, height: number): number[] {
  const out: number[] = [];
  const clamp = (v: number, max: number): number => Math.min(max, Math.max(0, v));
  let cursor = 0;
  for (const word of words) {
    const needle = normaliseText(word.text).trim();
    if (needle === '') continue;
    const at = pageText.indexOf(needle, cursor);
    if (at < 0 || at - cursor > MAX_GAP) continue;
    const [x0, y0, x1, y1] = word.box;
    out.push(at, at + needle.length, clamp(x0, width), clamp(y0, height), clamp(x1, width), clamp(y1, height));
    cursor = at + needle.length;
  }
  if (out.length % OCR_WORD_STRIDE !== 0) throw new Error('internal: a word was stored with the wrong number of fields');
  return out;
}
