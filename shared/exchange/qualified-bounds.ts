/** Qualified claim/relationship dates ("<2019", ">2024-03", "~2015") for exports that hold only plain dates: outer bounds and words. */
import { formatDateSpan, parseQualifiedDate, qualifierInWords, type ParsedDate } from '../domain/partial-dates';

const DAY = 86_400_000;

/**
 * The earliest moment a stored start date allows, as a STIX timestamp: "~2015" → 2014-01-01, ">2024-03" → 2024-04-01,
 * "2022-10" → 2022-10-01. null when it has no earliest ("<2019": any time before) or is not a stored date.
 */
export function stixEarliest(stored: string): string | null {
  const p = parseQualifiedDate(stored);
  return p?.earliest ? `${p.earliest}T00:00:00.000Z` : null;
}

/**
 * The first moment after the latest a stored end date allows (STIX stop_time is exclusive): "<2019" → 2019-01-01,
 * "~2015" → 2017-01-01, "2022-10" → 2022-11-01. null when it has no latest (">2024": any time after).
 */
export function stixLatestExclusive(stored: string): string | null {
  const p = parseQualifiedDate(stored);
  return p?.latest ? new Date(Date.parse(`${p.latest}T00:00:00.000Z`) + DAY).toISOString() : null;
}

/** A bound cut to the precision the analyst gave: the bounds of a year-precise date fall on year boundaries, and so on. */
const atPrecision = (p: ParsedDate, day: string) => day.slice(0, p.precision === 'year' ? 4 : p.precision === 'month' ? 7 : 10);

/** FtM startDate: the earliest a stored start date allows, at its precision ("~2015" → "2014", ">2024-03" → "2024-04"); null when open. */
export function ftmStartDate(stored: string): string | null {
  const p = parseQualifiedDate(stored);
  return p?.earliest ? atPrecision(p, p.earliest) : null;
}

/** FtM endDate: the latest a stored end date allows, at its precision ("<2019" → "2018", "~2015" → "2016"); null when open. */
export function ftmEndDate(stored: string): string | null {
  const p = parseQualifiedDate(stored);
  return p?.latest ? atPrecision(p, p.latest) : null;
}

/** True when either date carries a qualifier, so the exported plain bounds do not say all the analyst recorded. */
export function isQualified(...stored: string[]): boolean {
  return stored.some((d) => { const q = parseQualifiedDate(d)?.qualifier; return q !== undefined && q !== 'exact'; });
}

/** A claim's date after its claimant: "on 2022-10-12", "before 2019", "about 2015-06"; '' when undated. */
export function claimedWhen(stored: string): string {
  if (!stored) return '';
  return isQualified(stored) ? qualifierInWords(stored) : `on ${stored}`;
}

/** A relationship's stored dates in words for a description: "about 2015 – before 2019". */
export const spanInWords = (start: string, end: string): string => formatDateSpan(start, end, qualifierInWords);
