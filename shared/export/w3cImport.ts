/** W3C Web Annotation JSON (single, array, page, collection, Hypothesis-style) -> parsed annotations. */
import { HIGHLIGHT_COLORS, type HighlightColor } from '../domain/types';
import { err, ok, type Result } from '../domain/result';
import { STYLE_CLASS_PREFIX } from './w3cModel';
import { parsePdfFragment, type PdfFragment } from './w3cPdfFragment';

export { matchAnnotationsToSource } from './w3cMatch';
export type { AnchorFn, AnchorSelectors, MatchableSource, MatchResult } from './w3cMatch';

/** What the workbench can use of one imported annotation. */
export interface ParsedAnnotation {
  id: string | null;
  /** Source IRIs of every target (URLs, urn:sha256:…, and TimeState `cached` snapshots), deduplicated. */
  sources: string[];
  quote: { exact: string; prefix: string; suffix: string } | null;
  position: { start: number; end: number } | null;
  /** Tag values, e.g. "Region/Türkiye". */
  tags: string[];
  /** Comment text ('' when none); several comments are joined by a blank line. */
  note: string;
  created: string | null;
  /** Highlight colour when the target carries a workbench styleClass. */
  color: HighlightColor | null;
  /**
   * The PDF page (and viewrect) of a FragmentSelector, when there is one. Text anchoring ignores it (the text selectors
   * say more); an annotation with only a page fragment is an area of a page, reported as an orphan on matching.
   */
  pdfPage?: PdfFragment;
}

export interface ParseError {
  message: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** True when `type` (string or array, JSON-LD `@type` too) names the class. */
function hasType(obj: Json, name: string): boolean {
  return asArray(obj.type ?? obj['@type']).includes(name);
}

const isCollection = (o: Json): boolean => hasType(o, 'AnnotationCollection') || ('first' in o && !('target' in o));
const isPage = (o: Json): boolean => hasType(o, 'AnnotationPage') || (Array.isArray(o.items) && !('target' in o));

/** Annotations of a page, following embedded `next` pages (linked-only pages cannot be read offline). */
function pageItems(page: Json): Result<unknown[], ParseError> {
  const items: unknown[] = [];
  const seen = new Set<Json>();
  let current: unknown = page;
  while (isObject(current) && !seen.has(current)) {
    seen.add(current);
    if (current.items !== undefined && !Array.isArray(current.items)) {
      return err({ message: 'AnnotationPage "items" must be an array' });
    }
    items.push(...asArray(current.items));
    current = current.next;
  }
  return ok(items);
}

function collectRawAnnotations(json: unknown): Result<unknown[], ParseError> {
  if (Array.isArray(json)) return ok(json);
  if (!isObject(json)) {
    const kind = json === null ? 'null' : typeof json;
    return err({ message: `Expected a JSON object or array of W3C annotations, got ${kind}` });
  }
  if (isCollection(json)) {
    if (typeof json.first === 'string') {
      return err({
        message: `AnnotationCollection's first page is only a link (${json.first}); embed the pages to import them`,
      });
    }
    if (isObject(json.first)) return pageItems(json.first);
    if (Array.isArray(json.items)) return ok(json.items);
    return err({ message: 'AnnotationCollection has no embedded "first" page and no "items"' });
  }
  if (isPage(json)) return pageItems(json);
  return ok([json]);
}

/** A FragmentSelector naming a PDF page (RFC 3778 / 8118); other fragment kinds (media, SVG, XPointer) are not pages. */
function pdfPageOf(s: Json): PdfFragment | null {
  if (!hasType(s, 'FragmentSelector') || typeof s.value !== 'string') return null;
  const conforms = str(s.conformsTo) ?? '';
  if (conforms && !/rfc3778|rfc8118/i.test(conforms)) return null;
  return parsePdfFragment(s.value);
}

function selectorsOf(targets: unknown[]): Pick<ParsedAnnotation, 'quote' | 'position' | 'pdfPage'> {
  let quote: ParsedAnnotation['quote'] = null;
  let position: ParsedAnnotation['position'] = null;
  let pdfPage: PdfFragment | null = null;
  for (const t of targets) {
    if (!isObject(t)) continue;
    for (const s of asArray(t.selector)) {
      if (!isObject(s)) continue;
      if (!quote && hasType(s, 'TextQuoteSelector') && typeof s.exact === 'string') {
        quote = { exact: s.exact, prefix: str(s.prefix) ?? '', suffix: str(s.suffix) ?? '' };
      }
      const { start, end } = s;
      if (!position && hasType(s, 'TextPositionSelector') && Number.isInteger(start) && Number.isInteger(end)) {
        position = { start: start as number, end: end as number };
      }
      pdfPage ??= pdfPageOf(s);
    }
  }
  return pdfPage ? { quote, position, pdfPage } : { quote, position };
}

function sourcesOf(targets: unknown[]): string[] {
  const iris: string[] = [];
  for (const t of targets) {
    if (typeof t === 'string') iris.push(t);
    if (!isObject(t)) continue;
    const source = isObject(t.source) ? (str(t.source.id) ?? str(t.source['@id'])) : str(t.source);
    // A target object without `source` is an External Web Resource: its id is the resource.
    const ownId = str(t.id) ?? str(t['@id']);
    if (source) iris.push(source);
    else if (ownId && !t.selector) iris.push(ownId);
    for (const state of asArray(t.state)) if (isObject(state) && typeof state.cached === 'string') iris.push(state.cached);
  }
  return [...new Set(iris.map((i) => i.trim()).filter(Boolean))];
}

function colorOf(targets: unknown[]): HighlightColor | null {
  for (const t of targets) {
    if (!isObject(t)) continue;
    for (const cls of asArray(t.styleClass)) {
      const name = typeof cls === 'string' && cls.startsWith(STYLE_CLASS_PREFIX) ? cls.slice(STYLE_CLASS_PREFIX.length) : '';
      const color = HIGHLIGHT_COLORS.find((c) => c === name);
      if (color) return color;
    }
  }
  return null;
}

/** Tags and comments from bodies (purpose, else the annotation's motivation), bodyValue and Hypothesis fields. */
function bodiesOf(a: Json): Pick<ParsedAnnotation, 'tags' | 'note'> {
  const tags: string[] = [];
  const notes: string[] = [];
  const motivations = asArray(a.motivation);
  for (const b of asArray(a.body)) {
    if (!isObject(b) || typeof b.value !== 'string') continue;
    const purposes = asArray(b.purpose);
    const isTag = purposes.includes('tagging') || (purposes.length === 0 && motivations.includes('tagging'));
    if (isTag) tags.push(b.value.trim());
    else if (purposes.length === 0 || purposes.includes('commenting') || purposes.includes('describing')) notes.push(b.value);
  }
  if (typeof a.bodyValue === 'string') notes.push(a.bodyValue);
  // Hypothesis API shape: `tags` array and `text` comment beside the W3C-like target.
  for (const t of asArray(a.tags)) if (typeof t === 'string') tags.push(t.trim());
  if (typeof a.text === 'string' && a.text.trim()) notes.push(a.text);
  return { tags: [...new Set(tags.filter(Boolean))], note: notes.filter((n) => n.trim()).join('\n\n') };
}

function parseOne(raw: unknown, index: number): Result<ParsedAnnotation, ParseError> {
  const where = `Annotation #${index + 1}`;
  if (!isObject(raw)) return err({ message: `${where} is not a JSON object` });
  const id = str(raw.id) ?? str(raw['@id']);
  const label = id ? `${where} (${id})` : where;
  // Hypothesis keeps the page URL in `uri` and sometimes omits target.source.
  const targets = asArray(raw.target);
  if (targets.length === 0) return err({ message: `${label} has no target` });
  const sources = sourcesOf(targets);
  if (sources.length === 0 && typeof raw.uri === 'string') sources.push(raw.uri);
  if (sources.length === 0) return err({ message: `${label} has a target without a source IRI` });
  return ok({
    id,
    sources,
    ...selectorsOf(targets),
    ...bodiesOf(raw),
    created: str(raw.created),
    color: colorOf(targets),
  });
}

/** Parses any usual W3C annotation container; the first invalid annotation fails the whole parse. */
export function parseW3CAnnotations(json: unknown): Result<ParsedAnnotation[], ParseError> {
  const raw = collectRawAnnotations(json);
  if (!raw.ok) return raw;
  if (raw.value.length === 0) {
    return err({ message: 'No annotations found: expected an Annotation, an array, an AnnotationPage or an AnnotationCollection with items' });
  }
  const parsed: ParsedAnnotation[] = [];
  for (const [i, item] of raw.value.entries()) {
    const one = parseOne(item, i);
    if (!one.ok) return one;
    parsed.push(one.value);
  }
  return ok(parsed);
}
