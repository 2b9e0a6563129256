/** The one case-and-diacritic folding table, used by search, entity-name matching (NLP) and mention finding. */

/**
 * Letters that lower-casing plus NFD does not reduce to a plain base letter: letters with a stroke or
 * bar, ligatures, Turkish dotless i, Greek final sigma. Keys are lower case and already decomposed,
 * because a character is lower-cased and decomposed before it is looked up here (so Ł, Ø, Æ, ẞ, ǅ are
 * covered through their lower case, and İ through "i" + U+0307).
 */
const LETTERS: Readonly<Record<string, string>> = {
  ı: 'i', // Turkish, Azerbaijani
  ø: 'o', æ: 'ae', // Danish, Norwegian (å decomposes to a + ring)
  ł: 'l', // Polish
  đ: 'd', // Vietnamese, Croatian, Serbian Latin
  ð: 'd', þ: 'th', // Icelandic
  ħ: 'h', // Maltese
  ŀ: 'l', // Catalan
  ŧ: 't', // Northern Sami
  ß: 'ss', œ: 'oe', ĳ: 'ij', ŉ: 'n', ſ: 's',
  ƀ: 'b', ƚ: 'l', ƶ: 'z', ǥ: 'g', ȼ: 'c', ɇ: 'e', ɨ: 'i', ʉ: 'u',
  ǆ: 'dz', ǳ: 'dz', ǉ: 'lj', ǌ: 'nj',
  ﬀ: 'ff', ﬁ: 'fi', ﬂ: 'fl', ﬃ: 'ffi', ﬄ: 'ffl', ﬅ: 'st', ﬆ: 'st',
  ς: 'σ', // Greek final sigma: lower-casing a whole word makes it, lower-casing one letter does not
};

/** Typographic apostrophes and dashes compare as their ASCII forms; invisible break hints vanish. */
const PUNCTUATION: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u02bb': "'", '`': "'", '\u00b4': "'",
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  // Soft hyphen, zero-width space, word joiner, BOM: "Erdo\u00adğan" in a PDF is still Erdoğan.
  '\u00ad': '', '\u200b': '', '\u2060': '', '\ufeff': '',
};

/**
 * Combining marks that are accents on a letter, stripped after NFD: the general diacritics blocks
 * (Latin incl. Vietnamese, Greek, Cyrillic), Cyrillic titlo, Hebrew points, Arabic harakat, variation
 * selectors (emoji-style ❤️ is ❤). Marks that are part of spelling (Indic vowel signs and virama, Thai
 * vowels, kana voicing) are kept: stripping them would make different words equal ("ガス" gas, "カス" dregs).
 */
const ACCENTS: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f], [0x0483, 0x0489], [0x0591, 0x05bd], [0x05bf, 0x05bf], [0x05c1, 0x05c2], [0x05c4, 0x05c5],
  [0x05c7, 0x05c7], [0x0610, 0x061a], [0x064b, 0x065f], [0x0670, 0x0670], [0x06d6, 0x06dc], [0x06df, 0x06e4],
  [0x06e7, 0x06e8], [0x06ea, 0x06ed], [0x1ab0, 0x1aff], [0x1dc0, 0x1dff], [0x20d0, 0x20ff], [0xfe00, 0xfe0f],
  [0xfe20, 0xfe2f],
];
const isAccent = (ch: string): boolean => {
  const unit = ch.charCodeAt(0);
  return ACCENTS.some(([from, to]) => unit >= from && unit <= to);
};

function computeFold(codePoint: string): string {
  const punctuation = PUNCTUATION[codePoint];
  if (punctuation !== undefined) return punctuation;
  let out = '';
  for (const ch of codePoint.toLowerCase().normalize('NFD')) {
    if (!isAccent(ch)) out += LETTERS[ch] ?? ch;
  }
  return out;
}

/** Folded forms of BMP code units (a workspace's alphabet is small); astral code points in a map. */
const bmpFolds: Array<string | undefined> = new Array<string | undefined>(0x10000);
const astralFolds = new Map<string, string>();

/** Folded form of one BMP code unit that is not a surrogate. */
function foldUnit(unit: number): string {
  let folded = bmpFolds[unit];
  if (folded === undefined) {
    folded = computeFold(String.fromCharCode(unit));
    bmpFolds[unit] = folded;
  }
  return folded;
}

/** Folded form of the code point starting at `index` of `text`, and how many units it took. */
export function foldCodePointAt(text: string, index: number): { folded: string; length: number } {
  const unit = text.charCodeAt(index);
  if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
    const pair = text.slice(index, index + 2);
    let folded = astralFolds.get(pair);
    if (folded === undefined) {
      folded = computeFold(pair);
      astralFolds.set(pair, folded);
    }
    return { folded, length: 2 };
  }
  return { folded: foldUnit(unit), length: 1 };
}

/** Plain ASCII needs only lower-casing; the backtick and anything beyond ASCII go through the table. */
const NEEDS_TABLE = /[`\u0080-\uffff]/;

/**
 * Folds case and diacritics code point by code point: "Çavuşoğlu İSTANBUL’da" → "cavusoglu istanbul'da".
 * Whitespace and other punctuation stay as they are; the result may be longer (ß → ss) or shorter
 * (dropped accents) than the input.
 */
export function foldString(text: string): string {
  if (!NEEDS_TABLE.test(text)) return text.toLowerCase();
  let out = '';
  let runStart = 0; // start of a pending run of plain ASCII, lower-cased as one slice
  for (let i = 0; i < text.length; ) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80 && unit !== 0x60) {
      i += 1;
      continue;
    }
    if (i > runStart) out += text.slice(runStart, i).toLowerCase();
    if (unit < 0xd800 || unit > 0xdbff) {
      out += foldUnit(unit);
      i += 1;
    } else {
      const { folded, length } = foldCodePointAt(text, i);
      out += folded;
      i += length;
    }
    runStart = i;
  }
  if (runStart < text.length) out += text.slice(runStart).toLowerCase();
  return out;
}
