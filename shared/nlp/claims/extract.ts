/** Find quotations and reported speech in a text and attribute each to a named speaker (or to no one). */
import type { ClaimType } from '../../domain/types';
import type { TextSpan } from '../types';
import {
  ASSESSMENT_RE, DENIAL_RE, INTENTION_RE, ORGANISATION_STANDIN_RE, PERSON_PRONOUN_RE, PREDICTION_RE,
  SOURCE_AFTER_NAME_RE, SOURCE_BEFORE_NAME_RE, VERB_CUES, type Order,
} from './cues';
import { quoteSpans, sentenceSpans } from './sentences';
import type { ClaimantSpan, ClaimSuggestion } from './types';

/** Where each entity suggestion occurs, as claimant candidates. */
export type Mention = ClaimantSpan;

interface Found { claimant: Mention | null; statement: string; cue: string; quoted: boolean }

const within = (m: TextSpan, s: TextSpan): boolean => m.start >= s.start && m.end <= s.end;
const speaker = (m: Mention): boolean => m.type === 'person' || m.type === 'organisation';
const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** A quotation, not a name in quotation marks («Газпром»): four words or more, or followed by a dash attribution. */
function realQuotes(text: string, sentence: TextSpan): TextSpan[] {
  return quoteSpans(text, sentence).filter((q) => wordCount(text.slice(q.start, q.end)) >= 4
    || /^[»”"]\s*[,.]?\s*[—–]/u.test(text.slice(q.end, q.end + 5)));
}

/** Strip attribution leftovers, quotation marks and final punctuation from a statement. */
function clean(s: string): string {
  return s.replace(/^\p{Lu}[\p{Lu}\s.-]*\s[—–]\s/u, '').replace(/^[\s,:;—–-]+|[\s,.;:—–-]+$/gu, '').replace(/^["“”«»„]+|["“”«»„]+$/gu, '')
    .replace(/^(?:that|что|ise|de|da)\s+/iu, '').replace(/[\s,.;:]+$/u, '').trim();
}

function classify(cue: string, statement: string): ClaimType {
  if (DENIAL_RE.test(cue)) return 'denial';
  if (INTENTION_RE.test(statement) || INTENTION_RE.test(cue)) return 'intention';
  if (PREDICTION_RE.test(statement) || /expect|ожида/iu.test(cue)) return 'prediction';
  if (ASSESSMENT_RE.test(cue) || ASSESSMENT_RE.test(statement)) return 'assessment';
  return 'fact';
}

class Referents {
  person: Mention | null = null;
  organisation: Mention | null = null;
  see(m: Mention): void {
    if (m.type === 'person') this.person = m;
    if (m.type === 'organisation') this.organisation = m;
  }
  /** 'he said' → the last person; 'the company said' → the last organisation. */
  resolve(phrase: string): Mention | null {
    const words = phrase.trim().split(/\s+/);
    if (words.some((w) => PERSON_PRONOUN_RE.test(w))) return this.person;
    return ORGANISATION_STANDIN_RE.test(phrase) ? this.organisation : null;
  }
}

/** 'according to X, …' / '…, according to X' / 'по словам X' / "X'e göre" / 'X айтуынша'. */
function bySourceCue(text: string, s: TextSpan, mentions: Mention[], refs: Referents): Found | null {
  const part = text.slice(s.start, s.end);
  for (const m of part.matchAll(SOURCE_BEFORE_NAME_RE)) {
    const cueEnd = s.start + (m.index ?? 0) + m[0].length;
    const near = mentions.filter((x) => x.type !== 'place' && x.start >= cueEnd && x.start - cueEnd < 60);
    // 'по мнению аналитика Freedom Finance Ерлана Абдикаримова': the person, not their employer.
    const claimant = near.find((x) => x.type === 'person') ?? near.find(speaker) ?? near[0] ?? refs.resolve(text.slice(cueEnd, cueEnd + 40));
    const afterName = text.indexOf(',', claimant?.end ?? cueEnd);
    const leading = (m.index ?? 0) < 3;
    const statement = leading ? text.slice(afterName >= 0 && afterName < s.end ? afterName + 1 : cueEnd, s.end)
      : text.slice(s.start, s.start + (m.index ?? 0));
    return { claimant, statement, cue: m[0].trim(), quoted: false };
  }
  for (const m of part.matchAll(SOURCE_AFTER_NAME_RE)) {
    const cueStart = s.start + (m.index ?? 0);
    const before = mentions.filter((x) => x.type !== 'place' && x.end <= cueStart && cueStart - x.end < 25);
    const claimant = before[before.length - 1] ?? refs.resolve(text.slice(Math.max(s.start, cueStart - 12), cueStart));
    return { claimant, statement: text.slice(cueStart + m[0].length, s.end), cue: m[0].trim(), quoted: false };
  }
  return null;
}

/** The comma opening the attribution before `at` (', its chairman, X said' → the one before 'its'), or -1. */
function firstCommaWithin(text: string, from: number, at: number, within: number): number {
  let i = text.lastIndexOf(',', at - 1);
  if (i < from || at - i > within) return -1;
  // Step back over short role segments (', its chairman,'), never over a clause.
  for (let j = text.lastIndexOf(',', i - 1); j >= from && text.slice(j + 1, i).trim().split(/\s+/).length <= 3; j = text.lastIndexOf(',', i - 1)) i = j;
  return i;
}

function pickSpeaker(candidates: Mention[], order: Order): Mention | null {
  const people = candidates.filter((m) => m.type === 'person');
  const organisations = candidates.filter((m) => m.type === 'organisation');
  const pick = (list: Mention[]): Mention | undefined => (order === 'sov' ? list[0] : list[list.length - 1]);
  // A name the entity rules could not type ('Пескова' alone) still speaks when no person or organisation does.
  return pick(people) ?? pick(organisations) ?? pick(candidates.filter((m) => m.type === 'other')) ?? null;
}

/** A reporting verb: the speaker is next to the quote or before the verb; the statement is the quote or the clause. */
function byVerb(text: string, s: TextSpan, mentions: Mention[], quotes: TextSpan[], refs: Referents): Found | null {
  const outsideQuotes = (at: number): boolean => !quotes.some((q) => at >= q.start && at < q.end);
  for (const { re, order } of VERB_CUES) {
    const global = new RegExp(re.source, 'giu');
    const m = [...text.slice(s.start, s.end).matchAll(global)].find((x) => outsideQuotes(s.start + (x.index ?? 0)));
    if (!m) continue;
    const verbStart = s.start + (m.index ?? 0);
    const verbEnd = verbStart + m[0].length;
    const quote = quotes[0];
    if (quote) {
      // Right after the quote, any name but a place speaks ('…,” Berdimuhamedov said', '— деді Тоқаев').
      const after = mentions.filter((x) => x.start >= quote.end && (speaker(x) || (x.type !== 'place' && x.start - quote.end < 30)));
      const before = mentions.filter((x) => speaker(x) && x.end <= quote.start);
      const near = text.slice(quote.end, Math.min(s.end, quote.end + 60));
      const claimant = after[0] ?? refs.resolve(near) ?? before[before.length - 1] ?? null;
      return { claimant, statement: text.slice(quote.start, quote.end), cue: m[0], quoted: true };
    }
    const before = mentions.filter((x) => x.end <= verbStart);
    const adjacentPlace = before.find((x) => /^\s*$/.test(text.slice(x.end, verbStart)));
    const justBefore = text.slice(Math.max(s.start, verbStart - 20), verbStart);
    const claimant = pickSpeaker(before.filter((x) => x.type !== 'place'), order) ?? refs.resolve(justBefore) ?? adjacentPlace ?? null;
    let statement: string;
    if (order === 'sov') {
      statement = text.slice(claimant ? claimant.end : s.start, verbStart).replace(/^['’]\p{Ll}+/u, '');
    } else {
      const rest = text.slice(verbEnd, s.end).replace(/,\s*(?:according to|по словам|по данным)\b.*$/isu, '');
      const that = /^(?:[^,.;]{0,40}?\s)?(?:that|что)\s|^\s*,\s*что\s/iu.exec(rest);
      const trailing = wordCount(rest) <= 4 && text.lastIndexOf(',', verbStart) > s.start;
      // '…, President Erdoğan said Wednesday at …': the statement is what comes before the attribution's first comma.
      const attribution = claimant && claimant.start < verbStart ? firstCommaWithin(text, s.start, claimant.start, 40) : -1;
      if (that) statement = rest.slice(that[0].length);
      else if (attribution > s.start) statement = text.slice(s.start, attribution);
      else if (trailing) statement = text.slice(s.start, text.lastIndexOf(',', claimant && claimant.start < verbStart ? claimant.start : verbStart));
      else statement = rest;
    }
    return { claimant, statement, cue: m[0], quoted: false };
  }
  return null;
}

/** One suggested claim per sentence that quotes or reports speech; claimants are resolved against `mentions`. */
export function extractClaims(text: string, mentions: Mention[]): ClaimSuggestion[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const refs = new Referents();
  const out: ClaimSuggestion[] = [];
  for (const s of sentenceSpans(text)) {
    // A headline (no closing punctuation) reports nothing by itself.
    if (!/[.!?…"”»]$/u.test(text.slice(s.start, s.end))) continue;
    const quotes = realQuotes(text, s);
    const inQuote = (m: Mention): boolean => quotes.some((q) => within(m, q));
    const here = sorted.filter((m) => within(m, s) && !inQuote(m));
    // '…, Tokayev said, according to the presidency': a named speaker beats an unnamed source.
    const sourced = bySourceCue(text, s, here, refs);
    const spoken = sourced?.claimant ? null : byVerb(text, s, here, quotes, refs);
    const found = spoken?.claimant ? spoken : sourced ?? spoken;
    for (const m of here) refs.see(m);
    if (!found) continue;
    if (found.claimant) refs.see(found.claimant);
    const statement = clean(found.statement);
    if (wordCount(statement) < 2) continue;
    out.push({
      key: `${s.start}:${s.end}`, claimant: found.claimant, statement, type: classify(found.cue, statement),
      evidence: { start: s.start, end: s.end }, cue: found.cue, quoted: found.quoted,
      confidence: found.claimant ? (found.quoted ? 0.8 : 0.7) : 0.5,
    });
  }
  return out;
}
