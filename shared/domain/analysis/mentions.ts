/** Finds where a text names an entity: whole-word, case- and diacritic-insensitive, with exact offsets back into the text. */

/** A folded text with, per folded unit, the original range [start, end) it came from. */
export interface FoldedWithOrigins {
  text: string;
  start: Int32Array;
  end: Int32Array;
}

const MARK = /\p{M}/u;
const MARKS = /\p{M}+/gu;
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
/** Letters NFD does not reduce, as in shared/nlp's foldForMatch (every folded unit still maps back to its letter). */
const SPECIAL: Record<string, string> = {
  ı: 'i', ł: 'l', đ: 'd', ð: 'd', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th', ħ: 'h', ŀ: 'l', ŧ: 't',
};
const APOSTROPHES = /[\u2018\u2019\u02BC\u02BB`´]/;
const DASHES = /[\u2010-\u2015\u2212]/;

const isMarkAt = (text: string, j: number): boolean => text.charCodeAt(j) >= 0x300 && MARK.test(String.fromCodePoint(text.codePointAt(j)!));

function foldCluster(cluster: string): string {
  if (SPACE.test(cluster)) return ' ';
  if (APOSTROPHES.test(cluster)) return "'";
  if (DASHES.test(cluster)) return '-';
  const base = cluster.normalize('NFD').replace(MARKS, '').toLowerCase();
  return base.replace(/./gu, (ch) => SPECIAL[ch] ?? ch);
}

/** Folds each cluster (a code point with its combining marks) separately, remembering where it came from. */
export function foldWithOrigins(text: string): FoldedWithOrigins {
  const pieces: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    let j = i + (cp > 0xffff ? 2 : 1);
    while (j < text.length && isMarkAt(text, j)) j += text.codePointAt(j)! > 0xffff ? 2 : 1;
    const folded = cp < 0x80 && j === i + 1 ? (SPACE.test(text[i]!) ? ' ' : text[i]!.toLowerCase()) : foldCluster(text.slice(i, j));
    for (let k = 0; k < folded.length; k++) {
      starts.push(i);
      ends.push(j);
    }
    pieces.push(folded);
    i = j;
  }
  return { text: pieces.join(''), start: Int32Array.from(starts), end: Int32Array.from(ends) };
}

/** The folded form of a name to search for: folded like the text, spaces collapsed. */
export function foldName(name: string): string {
  return foldWithOrigins(name.trim().replace(/\s+/g, ' ')).text;
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
