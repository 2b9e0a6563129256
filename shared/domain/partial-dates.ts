/** Partial and qualified dates ("2019", "<2019", ">2024-03", "~2015"): parse to a day range, format for reading, compare. */

/**
 * Stored form: an optional qualifier then a partial ISO date, no spaces.
 *   YYYY | YYYY-MM | YYYY-MM-DD   the date, as precise as known
 *   <DATE                          before that date (ends before DATE's period begins)
 *   >DATE                          after that date (begins after DATE's period ends)
 *   ~DATE                          about that date (circa): its period widened by one unit each side
 * '' means undated. Only claim and relationship dates take qualifiers; source publication dates stay plain.
 */
export const QUALIFIED_DATE_FORMS = 'YYYY, YYYY-MM or YYYY-MM-DD, optionally prefixed by < (before), > (after) or ~ (about)';

export type DateQualifier = 'exact' | 'before' | 'after' | 'about';
export type DatePrecision = 'year' | 'month' | 'day';

export interface ParsedDate {
  /** The stored text, e.g. "<2019". */
  text: string;
  qualifier: DateQualifier;
  precision: DatePrecision;
  /** The date part without its qualifier, e.g. "2019". */
  date: string;
  /** First and last day of the date part's own period (inclusive, YYYY-MM-DD). */
  periodStart: string;
  periodEnd: string;
  /** First and last day the qualified date can mean (inclusive); null is open (before: no earliest, after: no latest). */
  earliest: string | null;
  latest: string | null;
}

const PREFIX: Record<string, DateQualifier> = { '<': 'before', '>': 'after', '~': 'about' };
const FORM = /^([<>~]?)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WORD: Record<DateQualifier, string> = { exact: '', before: 'before ', after: 'after ', about: 'about ' };

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

/** Parses a stored date; null for '' and for anything not in the stored form (including month 13 or 30 February). */
export function parseQualifiedDate(text: string): ParsedDate | null {
  const m = FORM.exec(text);
  if (!m) return null;
  const [, sym = '', ys = '', ms, ds] = m;
  const y = Number(ys);
  const mo = ms ? Number(ms) - 1 : 0;
  const d = ds ? Number(ds) : 1;
  if (mo < 0 || mo > 11 || d < 1) return null;
  const start = Date.UTC(y, mo, d);
  // Date.UTC rolls 30 February over into March: a day that does not exist comes back as another month.
  if (new Date(start).getUTCMonth() !== mo) return null;
  const precision: DatePrecision = ds ? 'day' : ms ? 'month' : 'year';
  const next = (n: number) => (precision === 'day' ? Date.UTC(y, mo, d + n) : precision === 'month' ? Date.UTC(y, mo + n, 1) : Date.UTC(y + n, 0, 1));
  const periodStart = iso(start);
  const periodEnd = iso(next(1) - DAY);
  const qualifier = PREFIX[sym] ?? 'exact';
  const date = text.slice(sym.length);
  let earliest: string | null = periodStart;
  let latest: string | null = periodEnd;
  if (qualifier === 'before') [earliest, latest] = [null, iso(start - DAY)];
  else if (qualifier === 'after') [earliest, latest] = [iso(next(1)), null];
  else if (qualifier === 'about') [earliest, latest] = [iso(next(-1)), iso(next(2) - DAY)];
  return { text, qualifier, precision, date, periodStart, periodEnd, earliest, latest };
}

/** True for '' (undated) and every stored form. */
export function isQualifiedDate(text: string): boolean {
  return text === '' || parseQualifiedDate(text) !== null;
}

/** True for '' and a plain partial date (no qualifier) that exists. */
export function isPlainDate(text: string): boolean {
  return text === '' || parseQualifiedDate(text)?.qualifier === 'exact';
}

/** The date part spelled out: "2019", "March 2024", "2 May 2019". */
function spell(p: ParsedDate): string {
  const [y = '', m, d] = p.date.split('-');
  if (!m) return y;
  const month = MONTHS[Number(m) - 1];
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** "March 2024", "before 2019", "after 2 May 2019", "about 2015"; '' for ''; anything unparseable as it is. */
export function formatQualifiedDate(text: string): string {
  const p = parseQualifiedDate(text);
  return p ? WORD[p.qualifier] + spell(p) : text;
}

/**
 * A span from two stored dates: "2019 – March 2024", "until 2020", "March 2024" (start only, or both equal), or ''.
 * `one` formats each date: spelled out by default, or qualifierInWords where dates stay in ISO form.
 */
export function formatDateSpan(start: string, end: string, one: (d: string) => string = formatQualifiedDate): string {
  const [a, b] = [one(start), one(end)];
  if (a && b) return start === end ? a : `${a} – ${b}`;
  if (a) return a;
  return b ? `until ${b}` : '';
}

/** The qualifier as words with the date kept in ISO form ("<2019-03" → "before 2019-03"), for texts that keep dates as typed. */
export function qualifierInWords(text: string): string {
  const p = parseQualifiedDate(text);
  return p ? WORD[p.qualifier] + p.date : text;
}

const tier = (p: ParsedDate | null, text: string) => (p ? 0 : text === '' ? 2 : 1);
const RANK: Record<DateQualifier, number> = { before: 0, about: 1, exact: 2, after: 3 };

/** Orders stored dates in time: by the date part's first day, then before < about < exact < after; '' last; unparseable before ''. */
export function compareQualifiedDates(a: string, b: string): number {
  if (a === b) return 0;
  const [pa, pb] = [parseQualifiedDate(a), parseQualifiedDate(b)];
  if (!pa || !pb) return tier(pa, a) - tier(pb, b) || a.localeCompare(b);
  return pa.periodStart.localeCompare(pb.periodStart) || RANK[pa.qualifier] - RANK[pb.qualifier] || pa.date.length - pb.date.length;
}

const WORDS: Array<[RegExp, string]> = [[/^before\s+/i, '<'], [/^after\s+/i, '>'], [/^(?:about|circa|ca\.?|c\.)\s*/i, '~']];

/**
 * What an analyst types, in the stored form: "before 2019" → "<2019", "circa 2015" / "c. 2015" → "~2015", "< 2019" → "<2019".
 * Anything else comes back trimmed, for the validator to judge.
 */
export function normalizeDateInput(input: string): string {
  let v = input.trim();
  for (const [re, sym] of WORDS) if (re.test(v)) v = sym + v.replace(re, '');
  return v.replace(/^([<>~])\s+/, '$1');
}
