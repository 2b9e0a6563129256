/** Diacritic and case folding (Turkish-aware) with a map back to original offsets, plus tokenising. */

/** Letters that Unicode decomposition does not reduce to a base letter, or that lower-case differently. */
const SPECIAL_FOLDS: Readonly<Record<string, string>> = {
  'ı': 'i', 'İ': 'i', 'ß': 'ss', 'ẞ': 'ss', 'ø': 'o', 'Ø': 'o', 'æ': 'ae', 'Æ': 'ae', 'œ': 'oe', 'Œ': 'oe',
  'đ': 'd', 'Đ': 'd', 'ł': 'l', 'Ł': 'l', 'þ': 'th', 'Þ': 'th', 'ð': 'd', 'Ð': 'd', 'ħ': 'h', 'Ħ': 'h',
  'ŀ': 'l', 'Ŀ': 'l', 'ς': 'σ', 'ŉ': 'n',
};

const COMBINING_MARKS = /\p{M}/gu;
/** Cache of folded forms of non-ASCII code units; the alphabet of a workspace is small. */
const foldCache = new Map<string, string>();

function foldNonAscii(unit: string): string {
  let folded = foldCache.get(unit);
  if (folded !== undefined) return folded;
  folded = SPECIAL_FOLDS[unit];
  if (folded === undefined) {
    const lower = unit.toLowerCase();
    // toLowerCase('İ') is 'i' + combining dot; decomposing then dropping marks leaves plain 'i'.
    folded = SPECIAL_FOLDS[lower] ?? lower.normalize('NFD').replace(COMBINING_MARKS, '');
  }
  foldCache.set(unit, folded);
  return folded;
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Folds case and diacritics: "Çavuşoğlu İstanbul" becomes "cavusoglu istanbul". */
export function foldText(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 128) continue;
    if (i > runStart) out += text.slice(runStart, i).toLowerCase();
    out += foldNonAscii(text.charAt(i));
    runStart = i + 1;
  }
  if (runStart < text.length) out += text.slice(runStart).toLowerCase();
  return out;
}

/** Folded text plus, for each folded code unit, the offset of the original code unit it came from. */
export interface FoldedText {
  folded: string;
  origin: Int32Array;
  originalLength: number;
}

export function foldWithMap(text: string): FoldedText {
  const parts: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let piece: string;
    if (code < 128) piece = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text.charAt(i);
    else piece = foldNonAscii(text.charAt(i));
    parts.push(piece);
    for (let k = 0; k < piece.length; k++) origin.push(i);
  }
  return { folded: parts.join(''), origin: Int32Array.from(origin), originalLength: text.length };
}

/** Maps a folded range [start, end) back to the original text; dropped combining marks stay inside. */
export function toOriginalRange(map: FoldedText, start: number, end: number): { start: number; end: number } {
  const originalStart = start < map.origin.length ? (map.origin[start] ?? map.originalLength) : map.originalLength;
  const originalEnd = end < map.origin.length ? (map.origin[end] ?? map.originalLength) : map.originalLength;
  return { start: originalStart, end: Math.max(originalStart, originalEnd) };
}

/** A word of folded text and where it sits in that folded text. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

/** Words are runs of letters and digits; longer runs are noise (hashes, base64) and are not indexed. */
const WORD = /[\p{L}\p{N}]+/gu;
export const MAX_TERM_LENGTH = 40;

/** Tokens of already-folded text, with positions. */
export function tokenizeWithPositions(folded: string): Token[] {
  const tokens: Token[] = [];
  for (const match of folded.matchAll(WORD)) {
    const term = match[0];
    if (term.length > MAX_TERM_LENGTH) continue;
    tokens.push({ term, start: match.index, end: match.index + term.length });
  }
  return tokens;
}

/** Terms of already-folded text. */
export function tokenizeFolded(folded: string): string[] {
  const terms = folded.match(WORD) ?? [];
  return terms.length > 0 && terms.some((t) => t.length > MAX_TERM_LENGTH)
    ? terms.filter((t) => t.length <= MAX_TERM_LENGTH)
    : terms;
}

/** Folds then tokenises raw text. */
export function tokenize(text: string): string[] {
  return tokenizeFolded(foldText(text));
}
