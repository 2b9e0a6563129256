/** STIX 2.1 vocabulary for the workbench's grades, relationship types and dates (the tables docs/exchange.md documents). */
import type { Credibility } from '../domain/types';

/**
 * Admiralty credibility → STIX confidence, as STIX 2.1 Appendix A ("Admiralty Credibility" scale) maps it:
 * 1 confirmed → 90, 2 probably true → 70, 3 possibly true → 50, 4 doubtful → 30, 5 improbable → 10,
 * 6 truth cannot be judged → no confidence property at all ("Not present" in the appendix).
 */
export const ADMIRALTY_CREDIBILITY_TO_CONFIDENCE: Record<Credibility, number | null> = { 1: 90, 2: 70, 3: 50, 4: 30, 5: 10, 6: null };

/**
 * The analyst's credibility grade of a claim read as an opinion on the claimant's statement. 6 (cannot be judged) gives no
 * opinion object, since the analyst has none.
 */
export const CREDIBILITY_TO_OPINION: Record<Credibility, string | null> = {
  1: 'strongly-agree', 2: 'agree', 3: 'neutral', 4: 'disagree', 5: 'strongly-disagree', 6: null,
};

/** Relationship types STIX 2.1 defines (§4 common ones and those of the SDOs we write); a type that slugs to one is kept. */
const STIX_RELATIONSHIP_TYPES = new Set([
  'related-to', 'derived-from', 'duplicate-of', 'located-at', 'attributed-to', 'impersonates', 'targets', 'uses',
  'compromises', 'originates-from', 'owns', 'hosts', 'authored-by', 'variant-of', 'communicates-with', 'consists-of',
]);

/** Our vocabulary types whose STIX name differs from their slug. */
const RENAMED: Record<string, string> = { located_in: 'located-at', 'located in': 'located-at', 'based in': 'located-at' };

/**
 * Our relationship type → STIX relationship_type: a renamed vocabulary type, else the type lowercased with every run of
 * other characters made one hyphen ("foreign minister of" → "foreign-minister-of", "meets_with" → "meets-with"); a STIX-defined
 * name is kept as is, anything else is a custom type, which the schema allows (pattern ^[a-z0-9-]+$). Empty → related-to.
 */
export function stixRelationshipType(type: string): string {
  const lower = type.trim().toLowerCase();
  if (RENAMED[lower]) return RENAMED[lower]!;
  const slug = lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug === '' ? 'related-to' : slug;
}

export const isStixDefinedRelationship = (stixType: string): boolean => STIX_RELATIONSHIP_TYPES.has(stixType);

/** A record timestamp as STIX wants it: UTC with milliseconds; an unreadable one becomes the fallback (the export time). */
export function stixTimestamp(iso: string, fallback: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? new Date(Date.parse(fallback)).toISOString() : new Date(t).toISOString();
}

/**
 * A partial date (YYYY, YYYY-MM, YYYY-MM-DD) → the first instant of that period, or, with `end`, the first instant after
 * it (so "2022-10" ends at 2022-11-01T00:00:00.000Z). The precision itself is lost; docs/exchange.md says so.
 */
export function stixPeriodTime(date: string, end = false): string | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) - 1 : 0;
  const d = m[3] ? Number(m[3]) : 1;
  const start = Date.UTC(y, mo, d);
  if (Number.isNaN(start) || (m[2] && (mo < 0 || mo > 11))) return null;
  if (!end) return new Date(start).toISOString();
  const after = m[3] ? Date.UTC(y, mo, d + 1) : m[2] ? Date.UTC(y, mo + 1, 1) : Date.UTC(y + 1, 0, 1);
  return new Date(after).toISOString();
}
