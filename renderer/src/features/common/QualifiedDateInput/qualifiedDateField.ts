/** Validation of a claim or relationship date as typed: words ("before 2019") are read as the stored form ("<2019"). */
import { isQualifiedDate, normalizeDateInput } from '../../../../../shared/domain/partial-dates';

/** null when the typed value (normalised) is a valid qualified date or empty; else what to write instead. */
export function qualifiedDateError(typed: string): string | null {
  return isQualifiedDate(normalizeDateInput(typed)) ? null : 'Use YYYY-MM-DD, YYYY-MM or YYYY; prefix < before, > after, ~ about (e.g. <2019, ~2015)';
}

/** The value to store: trimmed, words turned into the prefix. */
export const storedDate = (typed: string) => normalizeDateInput(typed);
