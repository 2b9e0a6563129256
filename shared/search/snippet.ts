/** Snippets: ~160 characters around the best match, cut at word boundaries, with match ranges. */
import { foldWithMap, toOriginalRange, tokenizeWithPositions } from './fold';
import { findPhrase } from './query';

export const SNIPPET_LENGTH = 160;
/** How much context to show before the best match. */
const LEAD = 40;
const ELLIPSIS = '…';

export interface SnippetRequest {
  /** Folded words to mark wherever they occur as whole words. */
  words: ReadonlySet<string>;
  /** Folded phrases (word sequences) to mark as one range each. */
  phrases: readonly string[][];
}

export interface Snippet {
  snippet: string;
  matches: Array<{ start: number; end: number }>;
  /** The best match in `text` coordinates, or null when the text has no match. */
  best: { start: number; end: number } | null;
}

/** Match ranges in original coordinates of `text`, sorted, phrases taking precedence over their words. */
export function findMatches(text: string, request: SnippetRequest): Array<{ start: number; end: number; weight: number; key: string }> {
  const map = foldWithMap(text);
  const ranges: Array<{ start: number; end: number; weight: number; key: string }> = [];
  for (const phrase of request.phrases) {
    for (const r of findPhrase(map.text, phrase, 50)) ranges.push({ ...toOriginalRange(map, r.start, r.end), weight: 3, key: phrase.join(' ') });
  }
  const inPhrase = (start: number): boolean => ranges.some((r) => r.weight === 3 && start >= r.start && start < r.end);
  if (request.words.size > 0) {
    for (const token of tokenizeWithPositions(map.text)) {
      if (!request.words.has(token.term)) continue;
      const range = toOriginalRange(map, token.start, token.end);
      if (!inPhrase(range.start)) ranges.push({ ...range, weight: 1, key: token.term });
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}

export function makeSnippet(text: string, request: SnippetRequest): Snippet {
  const ranges = findMatches(text, request);
  const best = bestWindowAnchor(ranges);
  let start = 0;
  let end = Math.min(text.length, SNIPPET_LENGTH);
  if (best && text.length > SNIPPET_LENGTH) {
    start = Math.max(0, best.start - LEAD);
    end = Math.min(text.length, Math.max(start + SNIPPET_LENGTH, best.end));
    if (end === text.length) start = Math.max(0, Math.min(start, end - SNIPPET_LENGTH));
  }
  start = startAtWord(text, start, best?.start ?? start);
  end = endAtWord(text, end, best?.end ?? start);

  const prefix = start > 0 ? ELLIPSIS : '';
  const body = text.slice(start, end).replace(/\s/g, ' ');
  const snippet = `${prefix}${body}${end < text.length ? ELLIPSIS : ''}`;
  const shift = prefix.length - start;
  const matches = ranges
    .filter((r) => r.start >= start && r.end <= end)
    .map((r) => ({ start: r.start + shift, end: r.end + shift }));
  return { snippet, matches, best: best ? { start: best.start, end: best.end } : null };
}

/** The match whose window holds the most distinct words (phrases weigh more); earliest on ties. */
function bestWindowAnchor(ranges: ReadonlyArray<{ start: number; end: number; weight: number; key: string }>) {
  let best: (typeof ranges)[number] | undefined;
  let bestValue = -1;
  for (let i = 0; i < ranges.length && i < 200; i++) {
    const anchor = ranges[i];
    if (!anchor) continue;
    const windowEnd = anchor.start + SNIPPET_LENGTH - LEAD;
    const seen = new Map<string, number>();
    for (let j = i; j < ranges.length; j++) {
      const r = ranges[j];
      if (!r || r.end > windowEnd) break;
      seen.set(r.key, r.weight);
    }
    let value = 0;
    for (const weight of seen.values()) value += weight;
    if (value > bestValue) {
      best = anchor;
      bestValue = value;
    }
  }
  return best;
}

/** Moves a cut forward to the start of a word (never past `limit`). */
function startAtWord(text: string, start: number, limit: number): number {
  if (start === 0 || /\s/.test(text.charAt(start - 1))) return start;
  const space = text.slice(start, limit).search(/\s/);
  if (space < 0) return start;
  let at = start + space;
  while (at < limit && /\s/.test(text.charAt(at))) at++;
  return at;
}

/** Moves a cut back to the end of a word (never before `limit`). */
function endAtWord(text: string, end: number, limit: number): number {
  if (end >= text.length || /\s/.test(text.charAt(end))) return trimEnd(text, end, limit);
  let at = end;
  while (at > limit && !/\s/.test(text.charAt(at - 1))) at--;
  return at > limit ? trimEnd(text, at, limit) : end;
}

function trimEnd(text: string, end: number, limit: number): number {
  while (end > limit && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}
