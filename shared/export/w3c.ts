/** Highlights -> W3C Web Annotation JSON-LD (an AnnotationCollection with one embedded AnnotationPage). */
import type { Highlight, Source, Tag } from '../domain/types';
import {
  ANNO_CONTEXT,
  HIGHLIGHT_CSS,
  PDF_FRAGMENT_SPEC,
  STYLE_CLASS_PREFIX,
  WORKBENCH_GENERATOR,
  childIri,
  hashIri,
  sourceIri,
  tagPath,
  type W3CAgent,
  type W3CAnnotation,
  type W3CAnnotationCollection,
  type W3CSpecificResource,
  type W3CTextQuoteSelector,
  type W3CTextualBody,
} from './w3cModel';
import { pdfFragmentSelector } from './w3cPdfFragment';

export interface W3CExportInput {
  workspaceId: string;
  label: string;
  /** Base IRI of every id in the export, e.g. `urn:workbench:<workspaceId>`; must itself be a valid URI. */
  baseIri: string;
  sources: Source[];
  highlights: Highlight[];
  tags: Tag[];
  generatedAt: string;
  creator?: { name: string };
}

export interface W3CAnnotationContext {
  baseIri: string;
  source: Source;
  tagsById: ReadonlyMap<string, Tag>;
  generatedAt?: string;
  creator?: { name: string };
  /** Include "@context" (default true): the model requires it on every annotation that stands alone. */
  withContext?: boolean;
}

const annotationIri = (baseIri: string, highlightId: string): string => childIri(baseIri, 'annotation', highlightId);

function quoteSelector(h: Highlight): W3CTextQuoteSelector {
  const selector: W3CTextQuoteSelector = { type: 'TextQuoteSelector', exact: h.quote.exact };
  // Empty context strings carry no information; leaving them out keeps the JSON what readers expect.
  if (h.quote.prefix) selector.prefix = h.quote.prefix;
  if (h.quote.suffix) selector.suffix = h.quote.suffix;
  return selector;
}

/**
 * Quote and position over the extracted text, plus the page fragment in a paged PDF. An area highlight has no text
 * (its quote is empty and its position collapsed), so it is the page fragment alone: empty text selectors would claim
 * a passage that does not exist.
 */
function selectors(h: Highlight, source: Source): W3CSpecificResource['selector'] {
  const fragment = pdfFragmentSelector(h, source);
  if (h.area) {
    // Without a page map the area cannot be named in points: still its page (a reader can at least open it there).
    return [fragment ?? { type: 'FragmentSelector', conformsTo: PDF_FRAGMENT_SPEC, value: `page=${h.area.page}` }];
  }
  const quote = quoteSelector(h);
  const position = { type: 'TextPositionSelector', start: h.position.start, end: h.position.end } as const;
  return fragment ? [quote, position, fragment] : [quote, position];
}

/**
 * The target: the source (URL or text hash) narrowed by quote + position selectors. When the source
 * is identified by its URL, the exact text snapshot the offsets refer to is named by a TimeState
 * whose `cached` copy is `urn:sha256:<contentHash>` (model §4.3.1), so readers can still match by hash.
 */
function target(h: Highlight, source: Source, baseIri: string): W3CSpecificResource {
  const primary = sourceIri(source, baseIri);
  const snapshot = hashIri(source.contentHash);
  const resource: W3CSpecificResource = {
    type: 'SpecificResource',
    source: primary,
    selector: selectors(h, source),
  };
  if (snapshot && snapshot !== primary) {
    resource.state = { type: 'TimeState', cached: snapshot, sourceDate: source.createdAt };
  }
  resource.styleClass = STYLE_CLASS_PREFIX + h.color;
  return resource;
}

function bodies(h: Highlight, tagsById: ReadonlyMap<string, Tag>): W3CTextualBody[] {
  const out: W3CTextualBody[] = [];
  for (const tagId of h.tagIds) {
    const tag = tagsById.get(tagId);
    if (tag) out.push({ type: 'TextualBody', purpose: 'tagging', value: tagPath(tag, tagsById) });
  }
  if (h.note.trim()) out.push({ type: 'TextualBody', purpose: 'commenting', value: h.note, format: 'text/plain' });
  return out;
}

const person = (creator: { name: string } | undefined): W3CAgent | undefined =>
  creator && creator.name.trim() ? { type: 'Person', name: creator.name } : undefined;

/** One highlight as a standalone W3C Annotation. */
export function toW3CAnnotation(h: Highlight, ctx: W3CAnnotationContext): W3CAnnotation {
  const body = bodies(h, ctx.tagsById);
  const hasNote = body.some((b) => b.purpose === 'commenting');
  const hasTags = body.some((b) => b.purpose === 'tagging');
  const annotation: W3CAnnotation = {
    ...(ctx.withContext === false ? {} : { '@context': ANNO_CONTEXT }),
    id: annotationIri(ctx.baseIri, h.id),
    type: 'Annotation',
    motivation: hasNote ? 'commenting' : hasTags ? 'tagging' : 'highlighting',
    created: h.createdAt,
    modified: h.updatedAt,
    target: target(h, ctx.source, ctx.baseIri),
  };
  const creator = person(ctx.creator);
  if (creator) annotation.creator = creator;
  if (ctx.generatedAt) {
    annotation.generated = ctx.generatedAt;
    annotation.generator = WORKBENCH_GENERATOR;
  }
  annotation.stylesheet = {
    type: 'CssStylesheet',
    value: `.${STYLE_CLASS_PREFIX}${h.color} { background-color: ${HIGHLIGHT_CSS[h.color]}; }`,
  };
  if (body.length > 0) annotation.body = body;
  return annotation;
}

/**
 * Every highlight of the given sources as one AnnotationCollection. Highlights whose source is not
 * in `sources` are left out (their target could not be named). Items keep their own "@context" so
 * each one is a conforming standalone annotation when cut out of the page.
 * Order: sources as given, then by position, then id — stable across runs.
 */
export function toW3CCollection(input: W3CExportInput): W3CAnnotationCollection {
  const collectionId = childIri(input.baseIri, 'annotations');
  const pageId = childIri(input.baseIri, 'annotations', 'page', '0');
  const tagsById = new Map(input.tags.map((t) => [t.id, t] as const));
  const sourceOrder = new Map(input.sources.map((s, i) => [s.id, i] as const));
  const sourcesById = new Map(input.sources.map((s) => [s.id, s] as const));

  const exported = input.highlights
    .filter((h) => sourcesById.has(h.sourceId))
    .sort(
      (a, b) =>
        (sourceOrder.get(a.sourceId) ?? 0) - (sourceOrder.get(b.sourceId) ?? 0) ||
        a.position.start - b.position.start ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const items = exported.map((h) =>
    toW3CAnnotation(h, {
      baseIri: input.baseIri,
      source: sourcesById.get(h.sourceId) as Source,
      tagsById,
      generatedAt: input.generatedAt,
      creator: input.creator,
    }),
  );
  const creator = person(input.creator);
  const label = input.label.trim() || `Highlights of workspace ${input.workspaceId}`;
  const partOf = { id: collectionId, label, total: items.length };
  return {
    '@context': ANNO_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    generated: input.generatedAt,
    ...(creator ? { creator } : {}),
    generator: WORKBENCH_GENERATOR,
    // An empty collection has no pages (the model requires `first` only when total > 0).
    ...(items.length > 0
      ? { first: { id: pageId, type: 'AnnotationPage', partOf, startIndex: 0, items }, last: pageId }
      : {}),
  };
}
