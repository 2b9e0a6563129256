/** Guesses a source title from its text: the first line if short, else a clean cut of it. */

const SHORT_TITLE = 120;
const MIN_CUT = 30;
const WORD_CUT = 100;

/** Clause boundaries: comma, semicolon, colon, or a spaced dash (not the hyphen in "Kassym-Jomart"). */
const CLAUSE_BOUNDARY = /[,;:](?=\s)|\s[-–—]\s|—/g;
/** A sentence end followed by the start of the next sentence. */
const SENTENCE_END = /[.!?](?=\s+["“'‘(]?[\p{Lu}\d])/gu;

/** The first line with text, trimmed; '' when there is none. */
function firstNonEmptyLine(text: string): string {
  for (const line of text.split('\n', 50)) {
    const trimmed = line.trim();
    if (trimmed !== '') return trimmed;
  }
  const match = /\S[^\n]*/.exec(text);
  return match ? match[0].trim() : '';
}

/**
 * A readable title: the first non-empty line when it is at most 120 characters; otherwise its
 * first sentence if that is short enough, else the longest cut at a clause boundary between ~30
 * and 120 characters (news ledes put the attribution after the last comma), else a word cut near
 * 100 characters with an ellipsis.
 */
export function guessTitle(text: string): string {
  const line = firstNonEmptyLine(text).replace(/\s+/g, ' ');
  if (line.length <= SHORT_TITLE) return line;

  for (const m of line.matchAll(SENTENCE_END)) {
    if (m.index >= MIN_CUT && m.index <= SHORT_TITLE) return line.slice(0, m.index);
    if (m.index > SHORT_TITLE) break;
  }

  let clauseCut = -1;
  for (const m of line.matchAll(CLAUSE_BOUNDARY)) {
    if (m.index > SHORT_TITLE) break;
    if (m.index >= MIN_CUT) clauseCut = m.index;
  }
  if (clauseCut !== -1) return line.slice(0, clauseCut).trimEnd();

  const wordCut = line.lastIndexOf(' ', WORD_CUT);
  const cut = wordCut >= MIN_CUT ? wordCut : WORD_CUT;
  return `${line.slice(0, cut).replace(/[\s,;:–—-]+$/, '')}…`;
}
