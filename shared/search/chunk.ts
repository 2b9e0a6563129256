/** Splits source text into passage chunks (paragraphs; long ones at sentence boundaries) with their offsets. */

export interface TextChunk {
  /** UTF-16 offset of the chunk's first character in the source text. */
  start: number;
  text: string;
}

/** Paragraphs longer than this are split at sentence boundaries. */
export const CHUNK_TARGET = 1000;
/** A single sentence longer than this is split at whitespace. */
const HARD_LIMIT = 1500;

const PARAGRAPH_BREAK = /\n\s*/g;
/** End of a sentence: terminal punctuation, optional closing quotes/brackets, then whitespace. */
const SENTENCE_END = /[.!?…]["'”’»)\]]*\s+/g;

export function chunkText(text: string): TextChunk[] {
  return [...chunksOf(text)];
}

/** The same chunks, one paragraph at a time: a huge text is split as it is indexed, not all at once. */
export function* chunksOf(text: string): Generator<TextChunk> {
  let paragraphStart = 0;
  const chunks: TextChunk[] = [];
  for (const brk of text.matchAll(PARAGRAPH_BREAK)) {
    pushParagraph(text, paragraphStart, brk.index, chunks);
    yield* chunks;
    chunks.length = 0;
    paragraphStart = brk.index + brk[0].length;
  }
  pushParagraph(text, paragraphStart, text.length, chunks);
  yield* chunks;
}

function pushParagraph(text: string, start: number, end: number, out: TextChunk[]): void {
  // Trim so a chunk's start offset is the first visible character.
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  if (end <= start) return;
  if (end - start <= CHUNK_TARGET) {
    out.push({ start, text: text.slice(start, end) });
    return;
  }
  for (const piece of splitLong(text.slice(start, end))) {
    out.push({ start: start + piece.start, text: piece.text });
  }
}

/** Groups sentences into pieces of about CHUNK_TARGET characters; offsets relative to the paragraph. */
function splitLong(paragraph: string): TextChunk[] {
  const sentenceEnds: number[] = [];
  for (const m of paragraph.matchAll(SENTENCE_END)) sentenceEnds.push(m.index + m[0].length);
  sentenceEnds.push(paragraph.length);

  const pieces: TextChunk[] = [];
  let pieceStart = 0;
  let lastEnd = 0;
  for (const sentenceEnd of sentenceEnds) {
    if (sentenceEnd - pieceStart > CHUNK_TARGET && lastEnd > pieceStart) {
      pieces.push(...hardSplit(paragraph, pieceStart, lastEnd));
      pieceStart = lastEnd;
    }
    lastEnd = sentenceEnd;
  }
  if (lastEnd > pieceStart) pieces.push(...hardSplit(paragraph, pieceStart, lastEnd));
  return pieces;
}

/** Splits [start, end) at whitespace when it is still too long (a run-on sentence); trims each piece. */
function hardSplit(paragraph: string, start: number, end: number): TextChunk[] {
  const pieces: TextChunk[] = [];
  while (end - start > HARD_LIMIT) {
    let cut = paragraph.lastIndexOf(' ', start + CHUNK_TARGET);
    if (cut <= start) cut = start + CHUNK_TARGET;
    pieces.push(trimmed(paragraph, start, cut));
    start = cut;
  }
  pieces.push(trimmed(paragraph, start, end));
  return pieces.filter((p) => p.text.length > 0);
}

function trimmed(paragraph: string, start: number, end: number): TextChunk {
  while (start < end && /\s/.test(paragraph.charAt(start))) start++;
  while (end > start && /\s/.test(paragraph.charAt(end - 1))) end--;
  return { start, text: paragraph.slice(start, end) };
}
