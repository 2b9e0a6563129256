/** Finds where a text names an entity: whole-word, case- and diacritic-insensitive, with exact offsets back into the text. */
import { foldWithOrigins as foldTextWithOrigins, type FoldedWithOrigins } from '../../text/fold-origins';

const WORD = /[\p{L}\p{N}]/u;

/**
 * Folds a text with the shared table (shared/text/fold), whitespace runs as one space, each folded
 * unit remembering its original cluster, so a match maps back to whole letters.
 */
export const foldWithOrigins = (text: string): FoldedWithOrigins => foldTextWithOrigins(text, { spaces: 'collapse' });
export type { FoldedWithOrigins };

/** The folded form of a name to search for: folded like the text, spaces collapsed. */
export function foldName(name: string): string {
  return foldWithOrigins(name).text.trim();
}

const isWordAt = (text: string, index: number): boolean => {
  if (index < 0 || index >= text.length) return false;
  return WORD.test(String.fromCodePoint(text.codePointAt(index)!));
};
const isWordBefore = (text: string, index: number): boolean => {
  if (index <= 0) return false;
  const low = text.charCodeAt(index - 1);
  return isWordAt(text, (low & 0xfc00) === 0xdc00 && index >= 2 ? index - 2 : index - 1);
};
const startsLower = (s: string): boolean => {
  const ch = String.fromCodePoint(s.codePointAt(0) ?? 32);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
};
const startsUpper = (s: string): boolean => {
  const ch = String.fromCodePoint(s.codePointAt(0) ?? 32);
  return ch !== ch.toLowerCase();
};

/**
 * Occurrences of any of `names` in `text`, as original [start, end) ranges sorted by start.
 * Whole words only; "Erdogan" finds "Erdoğan" and "ERDOĞAN". A capitalised name does not match a
 * lower-case word ("Peace" is not "peace"). Longer names win where names overlap
 * ("Recep Tayyip Erdoğan" is one mention, not two).
 */
export function findMentions(text: string, names: readonly string[], folded: FoldedWithOrigins = foldWithOrigins(text)): Array<{ start: number; end: number }> {
  const needles = [...new Map(names.map((n) => [foldName(n), n] as const)).entries()]
    .filter(([f]) => f.trim() !== '')
    .sort((a, b) => b[0].length - a[0].length);
  const taken: Array<{ start: number; end: number }> = [];
  const covered = new Uint8Array(text.length);
  const overlaps = (s: number, e: number) => covered.subarray(s, e).includes(1);
  for (const [needle, original] of needles) {
    const capitalised = startsUpper(original.trim());
    for (let at = folded.text.indexOf(needle); at >= 0; at = folded.text.indexOf(needle, at + 1)) {
      const start = folded.start[at]!;
      const end = folded.end[at + needle.length - 1]!;
      // The match must cover whole clusters: its first unit starts a cluster, its last ends one.
      if (at > 0 && folded.start[at - 1] === start) continue;
      if (at + needle.length < folded.text.length && folded.end[at + needle.length] === end) continue;
      if (isWordBefore(text, start) || isWordAt(text, end)) continue;
      if (capitalised && startsLower(text.slice(start, end))) continue;
      if (overlaps(start, end)) continue;
      taken.push({ start, end });
      covered.fill(1, start, end);
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}
