/** Sentence and quotation spans of a text, with exact UTF-16 offsets. */
import type { TextSpan } from '../types';

const ABBREVIATION_RE = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Gov|Sen|Rep|Jr|Sr|No|vs|Inc|Corp|Ltd|Co|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|A\.Ş|\p{Lu})$/u;

/** Sentences: split at . ! ? (outside abbreviations) before a space and a capital, quote or dash, and at line breaks. */
export function sentenceSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s += 1;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e -= 1;
    if (e > s) spans.push({ start: s, end: e });
    start = end;
  };
  const re = /\n+|[.!?…]+["”»’]?(?=\s+["“«—–\p{Lu}\d])/gu;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (m[0][0] !== '\n' && m[0] === '.' && ABBREVIATION_RE.test(text.slice(Math.max(start, at - 6), at))) continue;
    push(at + m[0].length);
  }
  push(text.length);
  return spans;
}

const PAIRS: Record<string, string> = { '“': '”', '«': '»', '"': '"', '„': '“' };

/** Quotations inside [start, end): spans of their content (marks excluded). Unclosed quotes are ignored. */
export function quoteSpans(text: string, span: TextSpan): TextSpan[] {
  const out: TextSpan[] = [];
  let i = span.start;
  while (i < span.end) {
    const close = PAIRS[text[i] ?? ''];
    if (!close) {
      i += 1;
      continue;
    }
    const j = text.indexOf(close, i + 1);
    if (j < 0 || j >= span.end) break;
    out.push({ start: i + 1, end: j });
    i = j + 1;
  }
  return out;
}
