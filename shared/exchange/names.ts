/** Splitting an author as the analyst typed it into family and given names, the way reference managers store them. */

export type PersonName =
  | { family: string; given: string; particle?: string }
  /** An organisation or a one-word name: kept whole (CSL "literal", BibTeX in braces). */
  | { literal: string };

/** Lower-case words that belong to the family name ("Ursula von der Leyen" → particle "von der", family "Leyen"). */
const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'des', 'la', 'le', 'ter', 'ten', 'zu', 'bin', 'ibn', 'al', 'el', 'dos', 'das']);
/** Words that make a name an organisation's, not a person's. */
const ORGANISATION = /\b(agency|news|press|times|post|ministry|office|service|institute|center|centre|council|committee|group|bank|university|reuters|associated|staff|editorial|bureau|foundation|company|corporation|inc\.?|ltd\.?|llc|gmbh|ag|sa)\b/iu;

/**
 * "Family, Given" is taken as written; otherwise the last word is the family name and any lower-case particles just
 * before it go with it. Why not guess more: Kazakh, Turkish and Russian names in the sources are written given name
 * first ("Қасым-Жомарт Тоқаев", "Recep Tayyip Erdoğan"), and a patronymic ("Kassym-Jomart Kemelevich Tokayev") stays
 * with the given names, which is how Zotero and CSL styles expect it.
 */
export function splitName(raw: string): PersonName {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (name.includes(',')) {
    const [family, ...rest] = name.split(',');
    const given = rest.join(',').trim();
    if (family!.trim() && given) return { family: family!.trim(), given };
  }
  const words = name.split(' ');
  if (words.length < 2 || ORGANISATION.test(name)) return { literal: name };
  // i: where the family name starts; it takes in the lower-case particles before the last word, leaving a given name.
  let i = words.length - 1;
  while (i > 1 && PARTICLES.has(words[i - 1]!)) i--;
  const particle = words.slice(i, words.length - 1);
  const out = { family: words[words.length - 1]!, given: words.slice(0, i).join(' ') };
  return particle.length ? { ...out, particle: particle.join(' ') } : out;
}

/** YYYY, YYYY-MM or YYYY-MM-DD (or a full timestamp) as [year, month?, day?]; null when it is none of these. */
export function dateParts(value: string): number[] | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$/.exec(value.trim());
  if (!m) return null;
  const parts = [Number(m[1]), ...(m[2] ? [Number(m[2])] : []), ...(m[3] ? [Number(m[3])] : [])];
  if (parts[1] !== undefined && (parts[1] < 1 || parts[1] > 12)) return null;
  if (parts[2] !== undefined && (parts[2] < 1 || parts[2] > 31)) return null;
  return parts;
}
