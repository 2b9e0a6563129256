/**
 * A readable word-level diff between two texts (jsdiff), bounded for large texts: paragraphs are aligned first and only
 * the paragraphs that changed are diffed word by word. Long unchanged runs are elided to some context on each side.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import type { TextDiffPart } from '../../../shared/contract/views-capture';

/** Characters of unchanged text kept on each side of a change. */
export const DIFF_CONTEXT = 160;
/** Longest paragraph kept as one token; longer ones are cut at sentence ends (else the word diff of one pair grows). */
const MAX_TOKEN = 4_000;
/** Edit-length limits: past them the aligned run is shown as removed and added whole (a rewrite, not an edit). */
const MAX_WORD_EDITS = 1_000;
/** Longest stretch (both sides) compared word by word. */
const MAX_STRETCH = 12_000;
/** Word-diff work per text pair (sum of squared edit limits; about 1 s at worst here). */
const WORD_BUDGET = 6_000_000;
const MAX_PARAGRAPH_EDITS = 2_000;
/** Two paragraphs this alike at their start or end are one paragraph edited, so their words are compared. */
const KEY = 24;

export interface TextDiff {
  parts: TextDiffPart[];
  stats: { insertedChars: number; deletedChars: number; unchangedChars: number };
}

type Op = TextDiffPart['op'];

/**
 * Paragraph tokens, each with its trailing line breaks so that joining them gives the text back. Over-long paragraphs
 * are cut after sentence ends (content-defined, so an edit moves few cuts).
 */
export function paragraphTokens(text: string): string[] {
  const out: string[] = [];
  for (const para of text.match(/[^\n]*(?:\n+|$)/g) ?? []) {
    if (para === '') continue;
    if (para.length <= MAX_TOKEN) { out.push(para); continue; }
    let from = 0;
    for (const m of para.matchAll(/[.!?…。]["”’)\]]*\s+/gu)) {
      const end = m.index + m[0].length;
      if (end - from >= MAX_TOKEN / 4) { out.push(para.slice(from, end)); from = end; }
    }
    // No sentence ends at all (a table, a list without stops): hard cuts after whitespace, still content-light.
    while (para.length - from > MAX_TOKEN) {
      const space = para.lastIndexOf(' ', from + MAX_TOKEN);
      const end = space > from ? space + 1 : from + MAX_TOKEN;
      out.push(para.slice(from, end));
      from = end;
    }
    if (from < para.length) out.push(para.slice(from));
  }
  return out;
}

/**
 * Small integers standing for each token's whole text, opening and ending, so the alignment compares numbers.
 * Short paragraphs (a heading, a date line) get no opening/ending key: only an exact match pairs them.
 */
function keyTables(a: string[], b: string[]) {
  const ids = new Map<string, number>();
  const idOf = (kind: string, s: string) => {
    const k = kind + s;
    let n = ids.get(k);
    if (n === undefined) ids.set(k, (n = ids.size));
    return n;
  };
  let unique = -1;
  const table = (tokens: string[]) => {
    const whole = new Int32Array(tokens.length);
    const head = new Int32Array(tokens.length);
    const tail = new Int32Array(tokens.length);
    tokens.forEach((t, i) => {
      const s = t.trim();
      whole[i] = idOf('=', t);
      head[i] = s.length < KEY ? unique-- : idOf('<', s.slice(0, KEY));
      tail[i] = s.length < KEY ? unique-- : idOf('>', s.slice(-KEY));
    });
    return { whole, head, tail };
  };
  return { a: table(a), b: table(b) };
}

/**
 * How many tokens of `x` have some token of `y` they could pair with. The alignment keeps at most that many, so
 * the edit count is at least (|a| + |b| - 2 × this): past the limit it need not be computed at all.
 */
function pairable(x: ReturnType<typeof keyTables>['a'], y: ReturnType<typeof keyTables>['a']): number {
  const seen = new Set<number>([...y.whole, ...y.head, ...y.tail]);
  let n = 0;
  for (let i = 0; i < x.whole.length; i++) if (seen.has(x.whole[i]!) || seen.has(x.head[i]!) || seen.has(x.tail[i]!)) n++;
  return n;
}

/** Collects parts, merging neighbours with the same op. */
class PartList {
  readonly parts: Array<{ op: Op; text: string }> = [];
  push(op: Op, text: string): void {
    if (!text) return;
    const last = this.parts[this.parts.length - 1];
    if (last && last.op === op) last.text += text;
    else this.parts.push({ op, text });
  }
}

/**
 * Words of one changed stretch, or the stretch removed and added whole when a word diff would be unreadable or
 * unbounded. A word diff is worth showing while its edits stay a small share of the words: at most one token edit per
 * 12 characters for a paragraph paired by its opening or ending, one per 40 for unpaired paragraphs (mostly rewrites).
 * Myers' cost grows with the square of the edit limit, so each diff draws that square from one budget per text pair.
 */
function diffStretch(out: PartList, budget: { left: number }, before: string, after: string, paired: boolean): void {
  if (before === after) return out.push('equal', before);
  const size = before.length + after.length;
  const limit = paired ? clamp(size / 12, 50, MAX_WORD_EDITS) : clamp(size / 40, 20, 200);
  let changes;
  // An edited paragraph usually differs by a word or two: try a small limit first, so it costs little of the budget.
  for (const tryLimit of paired && limit > 20 ? [20, limit] : [limit]) {
    if (changes || !before || !after || size > MAX_STRETCH || budget.left < tryLimit * tryLimit) break;
    budget.left -= tryLimit * tryLimit;
    changes = diffWordsWithSpace(before, after, { maxEditLength: tryLimit });
  }
  if (!changes) {
    out.push('delete', before);
    out.push('insert', after);
    return;
  }
  for (const c of changes) out.push(c.added ? 'insert' : c.removed ? 'delete' : 'equal', c.value);
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.ceil(n)));

/**
 * Aligns paragraphs: equal ones, and edited ones (same start or same end) paired for a word diff. What is left
 * between two pairs (paragraphs added, removed or rewritten) is word-diffed as one stretch when small enough.
 */
function diffParagraphs(a: string[], b: string[], out: PartList): boolean {
  const { a: ka, b: kb } = keyTables(a, b);
  const similar = (i: number, j: number): boolean =>
    ka.whole[i] === kb.whole[j] || ka.head[i] === kb.head[j] || ka.tail[i] === kb.tail[j];
  if (a.length + b.length - 2 * Math.min(pairable(ka, kb), pairable(kb, ka)) > MAX_PARAGRAPH_EDITS) return false;
  // Indices, not strings, so the comparator can look up the precomputed keys (jsdiff passes old, then new).
  const changes = diffArrays(a.map((_, i) => i), b.map((_, j) => j), {
    comparator: (i, j) => similar(i, j), maxEditLength: MAX_PARAGRAPH_EDITS,
  });
  if (!changes) return false;
  let i = 0;
  let j = 0;
  let removed = '';
  let added = '';
  const budget = { left: WORD_BUDGET };
  const flush = () => { diffStretch(out, budget, removed, added, false); removed = ''; added = ''; };
  for (const c of changes) {
    const n = c.count ?? c.value.length;
    if (c.removed) { removed += a.slice(i, i + n).join(''); i += n; continue; }
    if (c.added) { added += b.slice(j, j + n).join(''); j += n; continue; }
    flush();
    for (let k = 0; k < n; k++) diffStretch(out, budget, a[i + k]!, b[j + k]!, true);
    i += n;
    j += n;
  }
  flush();
  return true;
}

/** Cuts a kept context at a word break, so the reader sees whole words. */
function cutAtSpace(text: string, at: number, towardStart: boolean, window: number): number {
  const lo = Math.max(0, at - window);
  const hi = Math.min(text.length, at + window);
  if (towardStart) {
    const s = text.lastIndexOf(' ', at);
    return s >= lo ? s + 1 : at;
  }
  const s = text.indexOf(' ', at);
  return s >= 0 && s <= hi ? s : at;
}

/**
 * Long equal runs become up to three parts: the context after the previous change, an elision marker
 * ({ op: 'equal', text: '', elided: n }), and the context before the next change. Separate parts, so the view never
 * has to guess where the gap is (the kept text may itself contain "…").
 */
export function elide(parts: Array<{ op: Op; text: string }>, context = DIFF_CONTEXT): TextDiffPart[] {
  const out: TextDiffPart[] = [];
  parts.forEach((p, idx) => {
    const keepHead = idx > 0 ? context : 0;
    const keepTail = idx < parts.length - 1 ? context : 0;
    if (p.op !== 'equal' || p.text.length <= keepHead + keepTail + context) return void out.push({ op: p.op, text: p.text });
    const window = Math.floor(context / 4);
    const headEnd = keepHead ? cutAtSpace(p.text, keepHead, false, window) : 0;
    const tailStart = keepTail ? cutAtSpace(p.text, p.text.length - keepTail, true, window) : p.text.length;
    if (headEnd) out.push({ op: 'equal', text: p.text.slice(0, headEnd) });
    out.push({ op: 'equal', text: '', elided: tailStart - headEnd });
    if (tailStart < p.text.length) out.push({ op: 'equal', text: p.text.slice(tailStart) });
  });
  return out;
}

/** The diff of `before` → `after` with its stats; the un-elided parts join back to each text exactly. */
export function fullTextDiff(before: string, after: string): Array<{ op: Op; text: string }> {
  const out = new PartList();
  if (!diffParagraphs(paragraphTokens(before), paragraphTokens(after), out)) {
    // Past the paragraph edit limit the texts have little in common: say so plainly rather than compute for minutes.
    out.push('delete', before);
    out.push('insert', after);
  }
  return out.parts;
}

export function textDiff(before: string, after: string, context = DIFF_CONTEXT): TextDiff {
  const parts = fullTextDiff(before, after);
  const sum = (op: Op) => parts.reduce((n, p) => (p.op === op ? n + p.text.length : n), 0);
  return {
    parts: elide(parts, context),
    stats: { insertedChars: sum('insert'), deletedChars: sum('delete'), unchangedChars: sum('equal') },
  };
}
