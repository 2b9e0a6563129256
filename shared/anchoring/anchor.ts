/** Re-anchors stored highlights in a (possibly re-imported) text: position, then exact quote, then folded quote. */
import type { TextPositionSelector, TextQuoteSelector } from '../domain/types';
import { coversWholeClusters, foldText, type FoldedText } from './fold';
import { adaptiveFinder, type OccurrenceFinder } from './occurrences';
import { isCombiningMarkAt, splitsSurrogatePair, type OffsetRange } from './offsets';
import { bestOccurrence, type SearchSpace } from './search';
import { boundaryRuleFor, type BoundaryRule } from './word-boundaries';

export type AnchorStatus = 'exact' | 'moved' | 'orphan';

/** Where a highlight lands; start/end are -1 for an orphan. */
export interface AnchorResult {
  status: AnchorStatus;
  start: number;
  end: number;
}

/** The two selectors a Highlight stores (a Highlight itself fits); the position is only a hint. */
export interface HighlightSelectors {
  quote: TextQuoteSelector;
  /** Null/absent (e.g. an imported W3C annotation without one): skip step (a), no proximity tie-break. */
  position?: TextPositionSelector | null;
}

/** One text prepared for anchoring many highlights: folded form and search indexes are built once, on first need. */
export interface AnchorIndex {
  readonly text: string;
  occurrences: OccurrenceFinder;
  folded(): FoldedText;
  foldedOccurrences: OccurrenceFinder;
}

/** A fresh orphan result (not shared, so callers may mutate what they get). */
const orphanResult = (): AnchorResult => ({ status: 'orphan', start: -1, end: -1 });

function createAnchorIndex(text: string): AnchorIndex {
  let folded: FoldedText | undefined;
  let foldedFinder: OccurrenceFinder | undefined;
  const getFolded = (): FoldedText => (folded ??= foldText(text));
  return {
    text,
    occurrences: adaptiveFinder(text),
    folded: getFolded,
    foldedOccurrences: (needle) => (foldedFinder ??= adaptiveFinder(getFolded().text))(needle),
  };
}

/** Places one highlight. Exact position first; else the best exact occurrence; else the best folded one. */
export function anchorHighlight(text: string, selectors: HighlightSelectors): AnchorResult {
  return anchorInIndex(createAnchorIndex(text), selectors);
}

/** Places many highlights in one text, folding and indexing the text at most once. Results follow `items` order. */
export function anchorAll(text: string, items: readonly HighlightSelectors[]): AnchorResult[] {
  const index = createAnchorIndex(text);
  return items.map((item) => anchorInIndex(index, item));
}

/** anchorHighlight against a prepared index (what anchorAll does for each item). */
function anchorInIndex(index: AnchorIndex, { quote, position }: HighlightSelectors): AnchorResult {
  const { text } = index;
  const { exact } = quote;
  if (exact.length === 0) return orphanResult();
  const start = position?.start ?? Number.NaN;
  const end = position?.end ?? Number.NaN;
  const fitsText = createFitCheck(quote);
  const positionIsValid = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length;
  if (positionIsValid && text.slice(start, end) === exact && fitsText(text, start, end)) {
    return { status: 'exact', start, end };
  }
  const moved = findExactQuote(index, quote, fitsText, start) ?? findFoldedQuote(index, quote, start);
  return moved ? { status: 'moved', start: moved.start, end: moved.end } : orphanResult();
}

type FitCheck = (text: string, start: number, end: number) => boolean;

/**
 * Whether a range holding the exact quote still holds the same *letters and words*: it must cut no
 * surrogate pair, no base from its combining mark ("cafe" is not "cafe\u0301"), and it must sit on
 * word edges wherever the original did (see word-boundaries.ts).
 */
function createFitCheck({ exact, prefix, suffix }: TextQuoteSelector): FitCheck {
  const mayStartOnMark = isCombiningMarkAt(exact, 0);
  const mayEndBeforeMark = suffix.length > 0 && isCombiningMarkAt(suffix, 0);
  const boundaries = boundaryRuleFor(exact, prefix, suffix);
  return (text, start, end) =>
    !splitsSurrogatePair(text, start) &&
    !splitsSurrogatePair(text, end) &&
    (mayStartOnMark || !isCombiningMarkAt(text, start)) &&
    (mayEndBeforeMark || !isCombiningMarkAt(text, end)) &&
    boundaries.accepts(text, start, end);
}

/** The best-agreeing exact occurrence that still fits (see createFitCheck). */
function findExactQuote(
  index: AnchorIndex, quote: TextQuoteSelector, fitsText: FitCheck, oldStart: number,
): OffsetRange | undefined {
  const { text } = index;
  const space: SearchSpace = {
    haystack: text,
    occurrences: index.occurrences,
    fits: (start, end) => fitsText(text, start, end),
    toOriginal: (start, end) => ({ start, end }),
    originalLength: text.length,
  };
  return bestOccurrence(space, quote.exact, quote.prefix, quote.suffix, oldStart);
}

/**
 * Tolerant search on the folded text (whitespace runs, line endings, BOM, NFC/NFD erased; see fold.ts).
 * No edit distance is allowed on purpose: a fuzzy match of a short quote can land on other words
 * ("not guilty" vs "guilty"), and a wrongly placed piece of evidence is worse than an orphan the
 * analyst can re-attach. Leading/trailing whitespace of the quote may vanish (re-flowed paragraphs).
 */
function findFoldedQuote(index: AnchorIndex, quote: TextQuoteSelector, oldStart: number): OffsetRange | undefined {
  const foldedExact = foldText(quote.exact).text;
  if (!/\S/u.test(foldedExact)) return undefined; // whitespace alone names no words
  const trimmed = foldedExact.trim();
  const prefix = foldText(quote.prefix).text;
  const suffix = foldText(quote.suffix).text;
  const attempts = trimmed === foldedExact ? [foldedExact] : [foldedExact, trimmed];
  for (const needle of attempts) {
    // Whitespace at the quote's edge is shared with the context: drop the context's copy.
    const needlePrefix = needle.startsWith(' ') ? prefix.trimEnd() : prefix;
    const needleSuffix = needle.endsWith(' ') ? suffix.trimStart() : suffix;
    // A trimmed edge was whitespace, i.e. a word edge: the candidate must sit on one too.
    const boundaries = boundaryRuleFor(
      needle,
      needle === foldedExact || !foldedExact.startsWith(' ') ? prefix : ' ',
      needle === foldedExact || !foldedExact.endsWith(' ') ? suffix : ' ',
    );
    const found = bestFoldedOccurrence(index, needle, needlePrefix, needleSuffix, boundaries, oldStart);
    if (found) return found;
  }
  return undefined;
}

function bestFoldedOccurrence(
  index: AnchorIndex,
  needle: string,
  prefix: string,
  suffix: string,
  boundaries: BoundaryRule,
  oldStart: number,
): OffsetRange | undefined {
  const folded = index.folded();
  const { originStart, originEnd } = folded;
  const space: SearchSpace = {
    haystack: folded.text,
    occurrences: index.foldedOccurrences,
    fits: (start, end) => coversWholeClusters(folded, start, end) && boundaries.accepts(folded.text, start, end),
    toOriginal: (start, end) => ({ start: originStart[start] ?? 0, end: originEnd[end - 1] ?? 0 }),
    originalLength: folded.originalLength,
  };
  return bestOccurrence(space, needle, prefix, suffix, oldStart);
}
