/**
 * One linear pass over HTML that estimates the shape of the tree a real HTML parser would build (deepest nesting and
 * number of elements) without building it, so hostile pages are refused before jsdom spends minutes and gigabytes.
 *
 * It models the tree-construction rules that matter for depth, erring towards *over*-estimating: implied end tags
 * only close what the spec would (bounded searches that give up without popping), HTML `<x/>` never self-closes
 * (only inside SVG/MathML), raw-text elements end at their first end tag (never later than the real tokenizer),
 * and unclosed formatting elements (`<b>`, `<font>`, …) count as still open because the parser re-opens them
 * ("reconstructs" them) inside later blocks. Known gap: the adoption agency can clone a few elements per misnested
 * end tag, so the real tree may be a small constant factor larger; the worker's memory and time limits cover that.
 */

export interface HtmlShape {
  /** Deepest estimated nesting of elements. */
  depth: number;
  /** Estimated number of elements the parser creates (start tags plus re-opened formatting elements). */
  elements: number;
}

const set = (s: string): ReadonlySet<string> => new Set(s.split(' '));
const VOID = set('area base basefont bgsound br col embed frame hr image img input keygen link meta param source track wbr');
const RAW_TEXT = set('script style xmp iframe noembed noframes textarea title');
const FORMATTING = set('a b big code em font i nobr s small strike strong tt u');
/** Elements whose start pushes a marker onto the list of active formatting elements. */
const MARKERS = set('applet object marquee template td th caption');
/** Start tags that close an open <p> (in button scope). */
const CLOSES_P = set('address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form ' +
  'header hgroup main menu nav ol p search section summary ul h1 h2 h3 h4 h5 h6 pre listing table hr xmp li dd dt plaintext');
/** Start tags that do not re-open formatting elements before them (blocks, tables and raw-text elements). */
const NO_REOPEN = new Set([...CLOSES_P, ...set('table textarea iframe noembed noframes title script style template frameset frame base link meta')]);
NO_REOPEN.delete('xmp');
const TABLE_PARTS = set('caption col colgroup tbody td tfoot th thead tr');
const HEADINGS = set('h1 h2 h3 h4 h5 h6');
/** Scope boundaries (the spec's "has an element in scope" list, plus button, list and foreign boundaries: a superset). */
const SCOPE = set('applet caption html table td th marquee object template button ol ul mi mo mn ms mtext annotation-xml foreignobject desc title');
const TABLE_SCOPE = set('html table template');
/** The spec's "special" elements: an unmatched end tag stops at them. */
const SPECIAL = set('address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup ' +
  'dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup ' +
  'hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p param ' +
  'plaintext pre script search section select source style summary table tbody td template textarea tfoot th thead title ' +
  'tr track ul wbr xmp mi mo mn ms mtext annotation-xml foreignobject desc');
/** Start tags that leave SVG/MathML content (back to HTML). */
const BREAKOUT = set('b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing ' +
  'menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var');
const INTEGRATION = set('foreignobject desc title mi mo mn ms mtext annotation-xml');
/** How far down the stack an implied-end-tag search looks; giving up keeps elements open (over-estimates). */
const MAX_SEARCH = 256;

const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;

interface El { tag: string; foreign: boolean; entry: Entry | null }
/** An active formatting element (tag + raw attributes as its identity) and the open element it stands for. */
interface Entry { tag: string; key: string; el: El | null }

/** Breach found mid-scan: the scan stops there, so huge hostile pages cost no more than their first breach. */
class Stop extends Error {}

/** The parser's stack of open elements and list of active formatting elements (null = marker), simplified. */
class Model {
  readonly stack: El[] = [];
  readonly open = new Map<string, number>();
  readonly fmt: Array<Entry | null> = [];
  depth = 0;
  elements = 0;
  /** Set when a formatting element left the stack while still active: the parser re-creates it at the next content. */
  reopen = false;

  constructor(private readonly maxDepth: number, private readonly maxElements: number) {}

  get top(): El | undefined { return this.stack[this.stack.length - 1]; }
  inForeign(): boolean {
    const t = this.top;
    return t !== undefined && t.foreign && !INTEGRATION.has(t.tag);
  }
  foreignOpen(): boolean { return (this.open.get('svg') ?? 0) + (this.open.get('math') ?? 0) > 0; }

  push(tag: string, foreign: boolean, entry: Entry | null = null): El {
    const el: El = { tag, foreign, entry };
    this.stack.push(el);
    this.open.set(tag, (this.open.get(tag) ?? 0) + 1);
    if (!foreign && MARKERS.has(tag)) this.fmt.push(null);
    this.depth = Math.max(this.depth, this.stack.length);
    if (++this.elements > this.maxElements || this.depth > this.maxDepth) throw new Stop();
    return el;
  }

  pop(): void {
    const el = this.stack.pop() as El;
    this.forget(el);
    if (!el.foreign && MARKERS.has(el.tag)) {
      // Leaving a cell (or similar) clears the formatting elements opened inside it.
      const m = this.fmt.lastIndexOf(null);
      if (m !== -1) this.fmt.splice(m).forEach((e) => e && e.el && (e.el.entry = null));
    }
  }

  /** Bookkeeping for an element leaving the stack. */
  private forget(el: El): void {
    this.open.set(el.tag, (this.open.get(el.tag) ?? 1) - 1);
    if (el.entry) { el.entry.el = null; this.reopen = true; }
  }

  /** Index of the nearest open element matching `want`, searching down until a `stop` element; -1 when none. */
  find(want: (tag: string) => boolean, stop: (tag: string) => boolean): number {
    for (let i = this.stack.length - 1, n = 0; i >= 0 && n < MAX_SEARCH; i--, n++) {
      const tag = (this.stack[i] as El).tag;
      if (want(tag)) return i;
      if (stop(tag)) return -1;
    }
    return -1;
  }

  /** Takes an element off the stack but keeps its place: in the tree it is still the ancestor of what is above it. */
  removeAt(index: number): void {
    const el = this.stack[index] as El;
    this.forget(el);
    this.stack[index] = { tag: '#removed', foreign: el.foreign, entry: null };
    this.open.set('#removed', 0);
  }

  popTo(index: number): void {
    while (this.stack.length > index) this.pop();
  }

  private lastMarker(): number { return this.fmt.lastIndexOf(null); }

  /** Content arrives: formatting elements closed by an earlier block are re-created (nested) around it. */
  content(): void {
    if (!this.reopen) return;
    this.reopen = false;
    for (let i = this.lastMarker() + 1; i < this.fmt.length; i++) {
      const e = this.fmt[i] as Entry;
      if (e.el === null) e.el = this.push(e.tag, false, e);
    }
  }

  startFormatting(tag: string, key: string): void {
    if ((tag === 'a' || tag === 'nobr') && this.lastEntry(tag) !== -1) this.endFormatting(tag); // a new <a> closes the open one
    // "Noah's Ark": at most three identical entries after the last marker (the element itself stays open).
    let same = 0;
    for (let i = this.fmt.length - 1, m = this.lastMarker(); i > m; i--) {
      const e = this.fmt[i] as Entry;
      if (e.key === key && ++same === 3) {
        if (e.el) e.el.entry = null;
        this.fmt.splice(i, 1);
        break;
      }
    }
    const entry: Entry = { tag, key, el: null };
    this.fmt.push(entry);
    entry.el = this.push(tag, false, entry);
  }

  private lastEntry(tag: string): number {
    for (let i = this.fmt.length - 1; i >= 0; i--) {
      const e = this.fmt[i];
      if (e === null) return -1;
      if (e?.tag === tag) return i;
    }
    return -1;
  }

  /** A simplified adoption agency: close the formatting element, or move it above the block opened inside it. */
  endFormatting(tag: string): void {
    const at = this.lastEntry(tag);
    if (at === -1) return this.otherEnd(tag);
    const entry = this.fmt[at] as Entry;
    this.fmt.splice(at, 1);
    if (entry.el === null) return;
    const idx = this.stack.lastIndexOf(entry.el);
    entry.el.entry = null;
    let block = false;
    for (let i = idx + 1; i < this.stack.length && !block; i++) {
      const el = this.stack[i] as El;
      block = el.foreign ? INTEGRATION.has(el.tag) : SPECIAL.has(el.tag);
    }
    if (!block) return this.popTo(idx);
    // The furthest block stays open and a copy of the formatting element is opened inside it.
    this.removeAt(idx);
    const copy: Entry = { tag, key: entry.key, el: null };
    this.fmt.push(copy);
    copy.el = this.push(tag, false, copy);
  }

  /** Any other end tag: close the nearest matching element unless a special element is in the way. */
  otherEnd(tag: string): void {
    if ((this.open.get(tag) ?? 0) === 0) return;
    const i = this.find((t) => t === tag, (t) => SPECIAL.has(t));
    if (i !== -1) this.popTo(i);
  }
}

const notDivLike = (t: string): boolean => SPECIAL.has(t) && t !== 'address' && t !== 'div' && t !== 'p';
const isCell = (t: string): boolean => t === 'td' || t === 'th';
const isSection = (t: string): boolean => t === 'tbody' || t === 'thead' || t === 'tfoot';
const FONT_BREAKOUT = /color|face|size/i;

function startTag(m: Model, tag: string, attrs: string, selfClosing: boolean): void {
  if (tag === 'html' || tag === 'body' || tag === 'head') return; // merged into the single html/head/body
  if (m.inForeign() && (BREAKOUT.has(tag) || (tag === 'font' && FONT_BREAKOUT.test(attrs)))) {
    while (m.inForeign()) m.pop();
  }
  if (m.inForeign() || tag === 'svg' || tag === 'math') {
    m.push(tag, true);
    if (selfClosing) m.pop();
    return;
  }
  if (!NO_REOPEN.has(tag)) m.content();
  if (FORMATTING.has(tag)) return m.startFormatting(tag, attrs === '' ? tag : `${tag} ${attrs}`);
  if (TABLE_PARTS.has(tag) && (m.open.get('table') ?? 0) === 0) return; // ignored outside a table

  const closeTo = (want: (t: string) => boolean, stop: (t: string) => boolean): void => {
    const i = m.find(want, stop);
    if (i !== -1) m.popTo(i);
  };
  if (tag === 'li') closeTo((t) => t === 'li', notDivLike);
  else if (tag === 'dd' || tag === 'dt') closeTo((t) => t === 'dd' || t === 'dt', notDivLike);
  else if (isCell(tag)) closeTo(isCell, (t) => TABLE_SCOPE.has(t));
  else if (tag === 'tr') closeTo((t) => t === 'tr', (t) => TABLE_SCOPE.has(t));
  else if (isSection(tag)) closeTo(isSection, (t) => TABLE_SCOPE.has(t));
  else if (tag === 'option' || tag === 'optgroup') { if (m.top?.tag === 'option') m.pop(); }
  else if (tag === 'button') closeTo((t) => t === 'button', (t) => SCOPE.has(t));
  if (CLOSES_P.has(tag) && (m.open.get('p') ?? 0) > 0) closeTo((t) => t === 'p', (t) => SCOPE.has(t));
  if (HEADINGS.has(tag) && HEADINGS.has(m.top?.tag ?? '')) m.pop();
  // Rows and cells directly in a table get the implied <tbody> (and <tr>) the parser inserts.
  if ((tag === 'tr' || isCell(tag)) && m.top?.tag === 'table') m.push('tbody', false);
  if (isCell(tag) && isSection(m.top?.tag ?? '')) m.push('tr', false);

  m.push(tag, false);
  if (VOID.has(tag)) m.pop();
}

/** Elements with their own end-tag rule ("in scope": pop through anything up to a scope boundary). */
const SCOPED_END = set('address article aside blockquote button center details dialog dir div dl fieldset figcaption figure ' +
  'footer header hgroup listing main menu nav ol pre search section summary ul form p li dd dt h1 h2 h3 h4 h5 h6 ' +
  'applet marquee object table tbody thead tfoot tr td th caption select template');

function endTag(m: Model, tag: string): void {
  if (tag === 'html' || tag === 'body' || tag === 'head' || tag === 'br') return;
  if (m.inForeign()) {
    // Foreign content: the nearest same-named foreign element; past the foreign elements, the HTML rules apply.
    for (let k = m.stack.length - 1; k >= 0 && (m.stack[k] as El).foreign; k--) {
      if ((m.stack[k] as El).tag === tag) return m.popTo(k);
    }
  }
  if (FORMATTING.has(tag)) return m.endFormatting(tag);
  if (!SCOPED_END.has(tag)) return m.otherEnd(tag);
  const wanted = HEADINGS.has(tag) ? (t: string) => HEADINGS.has(t) : (t: string) => t === tag;
  if (!HEADINGS.has(tag) && (m.open.get(tag) ?? 0) === 0) return; // nothing to close: ignored
  const i = m.find(wanted, (t) => SCOPE.has(t) && !wanted(t));
  if (i === -1) return;
  if (tag === 'form') m.removeAt(i); // </form> takes the form off the stack and leaves what was opened inside it open
  else m.popTo(i);
}

/** Where the raw text of `tag` ends (just before `</tag`, any case), or the end of the input. */
function rawTextEnd(html: string, from: number, tag: string): number {
  for (let at = from; ;) {
    const i = html.indexOf('</', at);
    if (i === -1) return html.length;
    const c = html.charCodeAt(i + 2 + tag.length);
    if (html.slice(i + 2, i + 2 + tag.length).toLowerCase() === tag && (Number.isNaN(c) || isSpace(c) || c === 47 || c === 62)) return i;
    at = i + 2;
  }
}

/** The index after a comment whose `--` (of `<!--`) is at `from`: its first `-->` or `--!>`, where `<!-->` counts too. */
function commentEnd(html: string, from: number): number {
  for (let at = from; ;) {
    const i = html.indexOf('--', at);
    if (i === -1) return html.length;
    if (html.charCodeAt(i + 2) === 62) return i + 3;
    if (html.charCodeAt(i + 2) === 33 && html.charCodeAt(i + 3) === 62) return i + 4;
    at = i + 1;
  }
}

/** Reads a tag's attributes as the tokenizer does (quotes only delimit values); returns the index after `>`. */
function tagEnd(html: string, from: number): { end: number; selfClosing: boolean } {
  let i = from;
  const n = html.length;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === 62) return { end: i + 1, selfClosing: html.charCodeAt(i - 1) === 47 };
    if (c === 61) { // '=' then a value: quoted values may hold '>'
      i++;
      while (i < n && isSpace(html.charCodeAt(i))) i++;
      const q = html.charCodeAt(i);
      if (q === 34 || q === 39) {
        const close = html.indexOf(q === 34 ? '"' : "'", i + 1);
        if (close === -1) return { end: n, selfClosing: false };
        i = close + 1;
        continue;
      }
      continue;
    }
    i++;
  }
  return { end: n, selfClosing: false };
}

export interface ShapeLimits { maxDepth: number; maxElements: number }

const tagNameEnd = (html: string, from: number): number => {
  let j = from;
  while (j < html.length) {
    const d = html.charCodeAt(j);
    if (isSpace(d) || d === 47 || d === 62) break;
    j++;
  }
  return j;
};

/**
 * Estimates the depth and element count of the tree `html` parses into, in one linear pass; it stops at the first
 * limit exceeded (the figures then say "more than the limit").
 */
export function scanHtmlShape(html: string, limits: ShapeLimits): HtmlShape {
  // The implied <html>, <head> and <body> are not modelled: the parser always adds them.
  const m = new Model(limits.maxDepth - 2, limits.maxElements - 3);
  const n = html.length;
  try {
    for (let i = 0; i < n;) {
      const lt = html.indexOf('<', i);
      if (lt !== i) m.content();
      if (lt === -1) break;
      const c = html.charCodeAt(lt + 1);
      if (isAlpha(c)) {
        const j = tagNameEnd(html, lt + 2);
        const tag = html.slice(lt + 1, j).toLowerCase();
        const { end, selfClosing } = tagEnd(html, j);
        startTag(m, tag, FORMATTING.has(tag) ? html.slice(j, end - 1).trim() : '', selfClosing);
        i = end;
        // Inside SVG/MathML these are ordinary elements; elsewhere their content is text.
        if (tag === 'plaintext' && !m.foreignOpen()) break;
        if (RAW_TEXT.has(tag) && !m.foreignOpen() && m.top?.tag === tag) i = rawTextEnd(html, end, tag);
      } else if (c === 47 && isAlpha(html.charCodeAt(lt + 2))) {
        const j = tagNameEnd(html, lt + 3);
        endTag(m, html.slice(lt + 2, j).toLowerCase());
        i = tagEnd(html, j).end;
      } else if (c === 33 && html.startsWith('--', lt + 2)) {
        i = commentEnd(html, lt + 2);
      } else if (c === 33 || c === 63 || c === 47) { // doctype, <?…>, bogus comments and </…>: up to the first '>'
        const gt = html.indexOf('>', lt + 2);
        i = gt === -1 ? n : gt + 1;
      } else {
        i = lt + 1; // a lone '<' is text
      }
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  return { depth: m.depth + 2, elements: m.elements + 3 };
}
