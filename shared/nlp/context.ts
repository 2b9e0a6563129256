/** Type a name by what its sentence says around it: roles, appositions, 'shares of', legal suffixes, datelines, speech. */
import type { EntityType } from '../domain/types';
import { LEGAL_SUFFIXES, ORGANISATION_FOLLOWERS, ORGANISATION_NOUNS, PLACE_NOUNS, ROLE_NOUNS } from './data/context-words';
import { PERSON_SURNAME_RE } from './data/regional';
import { REPORTING_VERBS } from './data/lexicon';

/** What the context says about a span, and how explicitly (an apposition says more than 'X said'). */
export interface ContextTyping {
  type: EntityType;
  strong: boolean;
}

const WINDOW = 90;
const lowerWords = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu) ?? [];

/** The head noun of a short noun phrase ('a kazakh logistics firm' → firm, 'chairman of the council' → chairman). */
function headOf(phrase: string): string | null {
  const ws = lowerWords(phrase);
  if (ws.length === 0 || ws.length > 9) return null;
  const cut = ws.findIndex((w, i) => i > 0 && /^(of|in|at|for|from|based|with|on|to|who|which|that)$/.test(w));
  const np = cut > 0 ? ws.slice(0, cut) : ws;
  return np[np.length - 1]?.replace(/['’]s$/, '') ?? null;
}

function typeOfNoun(noun: string | null, compound: string | null = null): EntityType | null {
  if (!noun) return null;
  // 'chief executive', 'secretary general': the role is the phrase, not its last word alone.
  if (ROLE_NOUNS.has(noun) || (compound && ROLE_NOUNS.has(compound))) return 'person';
  if (ORGANISATION_NOUNS.has(noun)) return 'organisation';
  if (PLACE_NOUNS.has(noun)) return 'place';
  return null;
}

/** ', a Kazakh logistics firm,' / ', chairman of the council,' right after the name. */
function appositionAfter(right: string): EntityType | null {
  const m = /^\s*,\s+([^,.;:()"“”«»]{2,70})[,.;]/u.exec(right);
  if (!m?.[1] || /^(who|which|that|and|but|said|says|told|added)\b/i.test(m[1])) return null;
  return typeOfNoun(headOf(m[1]));
}

/** 'its chairman, X' / 'press secretary, X' / 'chief executive X' / 'freight forwarder X' right before the name. */
function cueBefore(left: string): { type: EntityType; strong: boolean } | null {
  if (/\b(shares|stock|stake|shareholders?|owner|subsidiary|unit|analysts|economists|researchers)\s+(of|in|at)\s+(the\s+)?$/i.test(left)) {
    return { type: 'organisation', strong: true };
  }
  if (/\b(outlets|companies|firms|banks|groups|agencies|media|lenders|newspapers|brokers)\s+(such as|like|including)\s+$/i.test(left)) {
    return { type: 'organisation', strong: true };
  }
  const m = /(?:^|[\s,(])([\p{L}-]+)\s+([\p{L}-]+)\s*(,\s*)?$/u.exec(left);
  if (!m) return null;
  const [, before = '', last = ''] = m;
  const noun = last.toLowerCase();
  if (/^\p{Lu}/u.test(last) && !/^(Chief|Deputy|Executive|Opposition|Freight)$/u.test(last) && !m[3]) return null;
  const type = typeOfNoun(noun, `${before.toLowerCase()} ${noun}`);
  return type ? { type, strong: true } : null;
}

/** Context typing of the span [start, end) of `text`, or null when the sentence says nothing useful. */
export function contextType(text: string, start: number, end: number, words: readonly string[]): ContextTyping | null {
  const lastWord = words[words.length - 1]?.toLowerCase() ?? '';
  if (words.length > 1 && LEGAL_SUFFIXES.has(lastWord)) return { type: 'organisation', strong: true };
  const right = text.slice(end, end + WINDOW);
  const left = text.slice(Math.max(0, start - WINDOW), start);
  // '«Газпром»', 'АО «Казахтелеком»': Russian and Kazakh papers put company and party names in guillemets.
  if (text[start - 1] === '«' && text[end] === '»' && words.length <= 3) return { type: 'organisation', strong: true };
  const suffix = /^\s+([\p{L}.]+)/u.exec(right)?.[1]?.toLowerCase() ?? '';
  if (LEGAL_SUFFIXES.has(suffix) && /^\p{Lu}/u.test(right.trim())) return { type: 'organisation', strong: true };
  // A dateline: 'ATYRAU — ' at the start of a line names the place the story was filed from.
  if (/(^|\n)\s*$/.test(left) && /^\s*[—–-]\s/.test(right) && words.join(' ') === words.join(' ').toUpperCase()) {
    return { type: 'place', strong: true };
  }
  const apposition = appositionAfter(right);
  if (apposition) return { type: apposition, strong: true };
  const before = cueBefore(left);
  if (before) return before;
  if (/^['’]s\s+(chief|ceo|chairman|chairwoman|board|shares|spokesperson|spokesman|subsidiary|executives)\b/i.test(right)
    || new RegExp(`^\\s+(${[...ORGANISATION_FOLLOWERS].join('|')})\\b`, 'i').test(right)) {
    return { type: 'organisation', strong: true };
  }
  const placeNoun = /^\s+([\p{L}]+)/u.exec(right)?.[1]?.toLowerCase() ?? '';
  if (PLACE_NOUNS.has(placeNoun) && /\bthe\s+$/i.test(left)) return { type: 'place', strong: true };
  if (words.length === 1 && /stan$/i.test(lastWord)) return { type: 'place', strong: false };
  if (words.length > 1 && words.length <= 4 && PERSON_SURNAME_RE.test(words[words.length - 1] ?? '')) return { type: 'person', strong: false };
  // 'X said' / 'said X': a speaker with a two- or three-word name of unknown words is a person.
  const speaks = REPORTING_VERBS.has(/^\s+([\p{L}]+)/u.exec(right)?.[1]?.toLowerCase() ?? '')
    || /\b(said|says|told|added)\s+$/i.test(left);
  if (speaks && words.length >= 2 && words.length <= 3) return { type: 'person', strong: false };
  return null;
}
