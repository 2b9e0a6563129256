/** foldForMatch: the case- and diacritic-insensitive key used to compare names and aliases. */
import { foldString } from '../text/fold';

/** Plain ASCII words separated by single spaces: only lowercasing (and backticks) to do. */
const SIMPLE_ASCII_RE = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;
/** Folding runs once per mention on big texts: remember the non-ASCII answers (bounded). */
const MAX_CACHED = 20_000;
const cache = new Map<string, string>();

/**
 * The shared table (shared/text/fold: ğ→g, ş→s, ı→i, İ→i, ø→o, ’→' …) with whitespace collapsed and
 * trimmed, so 'Erdoğan', 'ERDOGAN' and ' erdogan ' all fold to 'erdogan'.
 */
export function foldForMatch(s: string): string {
  if (SIMPLE_ASCII_RE.test(s)) return s.toLowerCase().replace(/`/g, "'");
  const cached = cache.get(s);
  if (cached !== undefined) return cached;
  if (cache.size >= MAX_CACHED) cache.clear();
  const folded = foldString(s).replace(/\s+/g, ' ').trim();
  cache.set(s, folded);
  return folded;
}
