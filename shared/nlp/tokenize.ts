/** Word tokens with UTF-16 offsets, capitalisation, possessives, sentence starts and heading lines. */
import { NAME_PARTICLES, NON_TERMINAL_ABBREVIATIONS, STOPWORDS } from './data/lexicon';

export interface Token {
  /** Surface text after trimming lowercase hyphen parts and a possessive 's. */
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Offsets of the raw regex match, used to measure the gap to the neighbours. */
  rawStart: number;
  rawEnd: number;
  cap: boolean;
  allCaps: boolean;
  possessive: boolean;
  /** Lowercase hyphen parts were cut off: a name cannot run across this edge ('pro-|Russian'). */
  breakBefore: boolean;
  breakAfter: boolean;
  /** Only whitespace (or 'St. '-style abbreviation dots) separates it from the previous token. */
  joinsPrev: boolean;
  sentenceStart: boolean;
  sentence: number;
  /** On an ALL-CAPS or Title-Case heading line, where capitals prove nothing. */
  heading: boolean;
}

export interface Tokenized {
  tokens: Token[];
  /** Start offset of each sentence, by sentence index. */
  sentenceStarts: number[];
  /** Every word seen starting with a lowercase letter, lowercased: 'established' means 'Established' is common. */
  lowercaseWords: Set<string>;
}

// An en dash joins words with no space around it ('North–South', 'Baku–Tbilisi–Kars'): one name, split later if it is 'Russia–Ukraine'.
const WORD_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-\u2010\u2011\u2013'\u2019][\p{L}\p{M}\p{N}]+)*/gu;
const HYPHEN_RE = /[-\u2010\u2011\u2013]/;
/** A Turkish case suffix after an apostrophe ('Erdoğan'ın', 'Tokayev'le', 'Ankara'da'): cut off, the name ends there. */
const TURKISH_SUFFIX_RE = /^(\p{Lu}[\p{L}\p{M}.-]*)['\u2019](\p{Ll}{1,7})$/u;
const UPPER_START = /^\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;
const HAS_LOWER = /\p{Ll}/u;
const HYPHEN_PARTICLES = new Set([...NAME_PARTICLES, 'au', 'sur', 'en', 'lès']);

interface Part { text: string; start: number; end: number }

function splitParts(raw: string, offset: number): Part[] {
  const parts: Part[] = [];
  let pos = 0;
  for (const piece of raw.split(HYPHEN_RE)) {
    parts.push({ text: piece, start: offset + pos, end: offset + pos + piece.length });
    pos += piece.length + 1;
  }
  return parts;
}

/** The capitalised stretch of a hyphenated word: 'Asia-focused' → 'Asia', 'pro-Russian' → 'Russian'. */
function capitalisedStretch(parts: Part[]): { from: number; to: number } | null {
  const isCap = (p: Part | undefined): boolean => !!p && UPPER_START.test(p.text);
  const isBridge = (i: number): boolean =>
    !UPPER_START.test(parts[i]?.text ?? '') && (/^\p{N}/u.test(parts[i]?.text ?? '')
      || (HYPHEN_PARTICLES.has(parts[i]?.text ?? '') && isCap(parts[i + 1])));
  const from = parts.findIndex((p, i) => isCap(p) || (i === 0 && isBridge(0)));
  if (from < 0) return null;
  let to = from;
  while (to + 1 < parts.length && (isCap(parts[to + 1]) || isBridge(to + 1))) to += 1;
  return { from, to };
}

/** A token with its context fields (joinsPrev, sentence …) still unset: one object per word, filled in place. */
function makeToken(text: string, raw: string, rawStart: number): Token {
  let start = rawStart;
  let end = rawStart + raw.length;
  let surface = raw;
  let breakBefore = false;
  let breakAfter = false;
  if (HYPHEN_RE.test(raw)) {
    const parts = splitParts(raw, rawStart);
    const stretch = capitalisedStretch(parts);
    if (stretch) {
      start = parts[stretch.from]?.start ?? start;
      end = parts[stretch.to]?.end ?? end;
      breakBefore = stretch.from > 0;
      breakAfter = stretch.to < parts.length - 1;
      surface = text.slice(start, end);
    }
  }
  let possessive = false;
  if (!breakAfter && surface.length > 2 && /['\u2019][sS]$/.test(surface)) {
    possessive = true;
    end -= 2;
    surface = surface.slice(0, -2);
  } else {
    const suffixed = TURKISH_SUFFIX_RE.exec(surface);
    if (suffixed?.[1]) {
      possessive = true;
      end = start + suffixed[1].length;
      surface = suffixed[1];
    }
  }
  // 'al-Assad' counts as capitalised: a lowercase particle glued to a capitalised name.
  const cap = UPPER_START.test(surface) || /^\p{Ll}+[-\u2010\u2011]\p{Lu}/u.test(surface);
  return {
    text: surface, lower: surface.toLowerCase(), start, end, rawStart, rawEnd: rawStart + raw.length,
    cap, allCaps: surface.length >= 2 && !HAS_LOWER.test(surface) && UPPER_START.test(surface),
    possessive, breakBefore, breakAfter, joinsPrev: false, sentenceStart: false, sentence: 0, heading: false,
  };
}

/** Lines at least this long that end without punctuation are hard-wrapped prose, not headings. */
const WRAPPED_LINE_CHARS = 50;

function endsSentence(prev: Token, gap: string, prevLineLength: number): boolean {
  // Blank lines, ?/!/: and an opening quote after a space all start a fresh clause.
  if (/\n[ \t\u00A0]*\n/.test(gap) || /[!?:]/.test(gap) || /\s"|[\u201C\u00AB\u201E]/.test(gap)) return true;
  if (gap.includes('.')) {
    // 'Mr. Smith', 'St. Petersburg', 'J. K. Rowling': the dot belongs to an abbreviation or an initial.
    const abbreviation = NON_TERMINAL_ABBREVIATIONS.has(prev.lower) || /^\p{Lu}$/u.test(prev.text);
    return !(abbreviation && /^\.\s+$/.test(gap));
  }
  if (!gap.includes('\n')) return false;
  // A bullet, or a short unpunctuated line (a heading, a list item) ends here; a long one is wrapped prose.
  return /\n\s*[-*\u2022\u00B7\u2013]/.test(gap) || prevLineLength < WRAPPED_LINE_CHARS;
}

function joins(prev: Token, gap: string): boolean {
  if (prev.possessive || prev.breakAfter) return false;
  if (/^[ \t\u00A0]*\n?[ \t\u00A0]*$/.test(gap)) return gap.length > 0;
  return /^\.[ \t\u00A0]+$/.test(gap) && prev.cap && NON_TERMINAL_ABBREVIATIONS.has(prev.lower);
}

/** Lines whose capitals carry no information: ALL CAPS, or Title Case with capitalised function words. */
function markHeadings(tokens: Token[], text: string): void {
  let lineStart = 0;
  for (let i = 0; i <= tokens.length; i += 1) {
    const token = tokens[i];
    const newLine = !token || (i > lineStart && text.slice(tokens[i - 1]?.rawEnd ?? 0, token.rawStart).includes('\n'));
    if (!newLine) continue;
    const line = tokens.slice(lineStart, i).filter((t) => /\p{L}/u.test(t.text));
    if (line.length >= 3) {
      const allCaps = line.every((t) => !HAS_LOWER.test(t.text));
      const titleCase = line.every((t) => t.cap)
        && line.slice(1).some((t) => STOPWORDS.has(t.lower) && t.lower.length > 1);
      if (allCaps || titleCase) for (let k = lineStart; k < i; k += 1) (tokens[k] as Token).heading = true;
    }
    lineStart = i;
  }
}

/** Tokenise the whole text in one linear pass. */
export function tokenize(text: string): Tokenized {
  const tokens: Token[] = [];
  const sentenceStarts: number[] = [];
  const lowercaseWords = new Set<string>();
  let sentence = -1;
  let lineStart = 0;
  for (const match of text.matchAll(WORD_RE)) {
    const raw = match[0];
    const rawStart = match.index ?? 0;
    if (LOWER_START.test(raw)) lowercaseWords.add(raw.toLowerCase().replace(/['\u2019]s$/, ''));
    const token = makeToken(text, raw, rawStart);
    const prev = tokens[tokens.length - 1];
    const gap = prev ? text.slice(prev.rawEnd, rawStart) : '';
    const sentenceStart = !prev || endsSentence(prev, gap, prev.rawEnd - lineStart);
    const newline = gap.lastIndexOf('\n');
    if (prev && newline >= 0) lineStart = prev.rawEnd + newline + 1;
    if (sentenceStart) {
      sentence += 1;
      sentenceStarts.push(rawStart);
    }
    token.joinsPrev = !!prev && !sentenceStart && joins(prev, gap);
    token.sentenceStart = sentenceStart;
    token.sentence = sentence;
    tokens.push(token);
  }
  markHeadings(tokens, text);
  return { tokens, sentenceStarts, lowercaseWords };
}
