/** Text normalisation of every imported snapshot, plus paragraph shaping helpers. */

/** The one definition of stored text (no BOM, LF, NFC) lives with the anchoring offsets. */
export { normaliseText } from '../../../shared/anchoring/offsets';

/** Trims line ends, collapses runs of blank lines into one and trims the whole text. */
export function tidyParagraphs(text: string): string {
  return text
    .replace(/[ \t\f\v]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/**
 * Plain text with no blank line anywhere writes one paragraph per line (as the seed articles do),
 * so each line becomes its own paragraph; text that already uses blank lines is left as written.
 */
export function plainTextParagraphs(text: string): string {
  const tidy = tidyParagraphs(text);
  return tidy.includes('\n\n') ? tidy : tidy.replace(/\n+/g, '\n\n');
}

/** True when some line is longer than `limit` characters (LF, CR and CRLF all end lines). */
export function longestLineExceeds(text: string, limit: number): boolean {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > limit) {
      // A CR-only file has no LF at all: look for CRs inside the long stretch before judging it.
      const segment = text.slice(start, end);
      if (segment.split('\r').some((line) => line.length > limit)) return true;
    }
    start = end + 1;
  }
  return false;
}
