/** Keyboard selection of a passage in the reader: sentence and word steps over the text, by exact offsets. */
import type { Paragraph } from '../common/lib/paragraphs';
import { paragraphIndexAt } from '../common/lib/paragraphs';
import type { TextRange } from '../common/lib/selectionOffsets';

export type PassageMove =
  | 'next-sentence' | 'previous-sentence'
  | 'extend-sentence' | 'shrink-sentence'
  | 'extend-word' | 'shrink-word'
  | 'start-later' | 'start-earlier';

type Keys = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey'>;

/** ↓/↑ select the next/previous sentence; Shift+↓/↑ move the end by a sentence, Shift+→/← by a word; Alt+Shift+→/← move the start by a word. */
export function passageMoveFor(e: Keys): PassageMove | null {
  if (e.ctrlKey || e.metaKey) return null;
  if (!e.shiftKey && !e.altKey) return e.key === 'ArrowDown' ? 'next-sentence' : e.key === 'ArrowUp' ? 'previous-sentence' : null;
  if (!e.shiftKey) return null;
  if (e.altKey) return e.key === 'ArrowRight' ? 'start-later' : e.key === 'ArrowLeft' ? 'start-earlier' : null;
  switch (e.key) {
    case 'ArrowDown': return 'extend-sentence';
    case 'ArrowUp': return 'shrink-sentence';
    case 'ArrowRight': return 'extend-word';
    case 'ArrowLeft': return 'shrink-word';
    default: return null;
  }
}

const sentenceSegmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Sentences (trailing spaces trimmed) or word-like words of one paragraph, as ranges of the full text. */
function piecesOf(text: string, p: Paragraph, kind: 'sentence' | 'word'): TextRange[] {
  const body = text.slice(p.start, p.end);
  const out: TextRange[] = [];
  for (const s of (kind === 'sentence' ? sentenceSegmenter : wordSegmenter).segment(body)) {
    if (kind === 'word' && !s.isWordLike) continue;
    const trimmed = s.segment.trimEnd();
    const lead = trimmed.length - trimmed.trimStart().length;
    if (trimmed.trim() === '') continue;
    out.push({ start: p.start + s.index + lead, end: p.start + s.index + trimmed.length });
  }
  return out;
}

/** The first piece (searching forward) or last piece (backward) from `offset` that satisfies `ok`, across paragraphs. */
function find(text: string, paragraphs: readonly Paragraph[], kind: 'sentence' | 'word', offset: number, forward: boolean, ok: (r: TextRange) => boolean): TextRange | null {
  let i = paragraphIndexAt(paragraphs, Math.min(offset, text.length - 1));
  if (i < 0) i = paragraphs.length - 1;
  for (; i >= 0 && i < paragraphs.length; i += forward ? 1 : -1) {
    const pieces = piecesOf(text, paragraphs[i]!, kind);
    const hit = forward ? pieces.find(ok) : [...pieces].reverse().find(ok);
    if (hit) return hit;
  }
  return null;
}

/** Where a keyboard move takes the selection; `current` null starts at the first sentence. Null when nothing changes. */
export function movePassage(text: string, paragraphs: readonly Paragraph[], current: TextRange | null, move: PassageMove): TextRange | null {
  if (paragraphs.length === 0) return null;
  if (!current) return find(text, paragraphs, 'sentence', paragraphs[0]!.start, true, () => true);
  const { start, end } = current;
  switch (move) {
    case 'next-sentence':
      return find(text, paragraphs, 'sentence', end, true, (s) => s.start >= end) ?? null;
    case 'previous-sentence':
      return find(text, paragraphs, 'sentence', start, false, (s) => s.end <= start) ?? null;
    case 'extend-sentence': {
      const next = find(text, paragraphs, 'sentence', end, true, (s) => s.end > end);
      return next ? { start, end: next.end } : null;
    }
    case 'shrink-sentence': {
      const prev = find(text, paragraphs, 'sentence', end - 1, false, (s) => s.end < end && s.end > start);
      return prev ? { start, end: prev.end } : null;
    }
    case 'extend-word': {
      const next = find(text, paragraphs, 'word', end, true, (w) => w.end > end);
      return next ? { start, end: next.end } : null;
    }
    case 'shrink-word': {
      const prev = find(text, paragraphs, 'word', end - 1, false, (w) => w.end < end && w.end > start);
      return prev ? { start, end: prev.end } : null;
    }
    case 'start-later': {
      const next = find(text, paragraphs, 'word', start, true, (w) => w.start > start && w.start < end);
      return next ? { start: next.start, end } : null;
    }
    case 'start-earlier': {
      const prev = find(text, paragraphs, 'word', start - 1, false, (w) => w.start < start);
      return prev ? { start: prev.start, end } : null;
    }
  }
}
