/** foldForMatch: the case- and diacritic-insensitive key used to compare names and aliases. */

/** Letters that Unicode decomposition (NFD) does not reduce to a base letter plus marks. */
const SPECIAL_LETTERS: Record<string, string> = {
  ı: 'i', ł: 'l', đ: 'd', ð: 'd', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th', ħ: 'h', ŀ: 'l', ŧ: 't',
};
const SPECIAL_RE = /[ıłđðøæœßþħŀŧ]/g;
const COMBINING_MARKS_RE = /\p{M}+/gu;
/** Typographic apostrophes, quotes and dashes compare equal to their ASCII forms. */
const APOSTROPHES_RE = /[\u2018\u2019\u02BC\u02BB`´]/g;
const DASHES_RE = /[\u2010-\u2015\u2212]/g;

/** Plain ASCII words separated by single spaces: only lowercasing (and backticks) to do. */
const SIMPLE_ASCII_RE = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;
/** Folding runs once per mention on big texts: remember the non-ASCII answers (bounded). */
const MAX_CACHED = 20_000;
const cache = new Map<string, string>();

/**
 * Lowercase, strip diacritics (ğ→g, ş→s, ı→i, İ→i, ø→o …), normalise apostrophes and dashes
 * and collapse whitespace, so 'Erdoğan', 'ERDOGAN' and ' erdogan ' all fold to 'erdogan'.
 */
export function foldForMatch(s: string): string {
  if (SIMPLE_ASCII_RE.test(s)) return s.toLowerCase().replace(/`/g, "'");
  const cached = cache.get(s);
  if (cached !== undefined) return cached;
  if (cache.size >= MAX_CACHED) cache.clear();
  const folded = fold(s);
  cache.set(s, folded);
  return folded;
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(COMBINING_MARKS_RE, '')
    .toLowerCase()
    .replace(SPECIAL_RE, (ch) => SPECIAL_LETTERS[ch] ?? ch)
    .replace(APOSTROPHES_RE, "'")
    .replace(DASHES_RE, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
