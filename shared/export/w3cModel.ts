/** Shapes and IRI helpers of the W3C Web Annotation JSON-LD the workbench writes (and reads back). */
import type { HighlightColor, Source, Tag } from '../domain/types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** CSS class prefix of the highlight colour, carried as the target's `styleClass` (model §4.4). */
export const STYLE_CLASS_PREFIX = 'workbench-highlight-';

/** Background colours of the stylesheet embedded in each annotation; mirrors the app's palette. */
export const HIGHLIGHT_CSS: Record<HighlightColor, string> = {
  yellow: '#fff59d',
  green: '#c5e1a5',
  blue: '#90caf9',
  pink: '#f8bbd0',
  orange: '#ffcc80',
};

export interface W3CTextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface W3CTextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** RFC 3778's PDF fragment identifiers (page=, viewrect=), what the W3C model names for PDF pages (§4.2.1). */
export const PDF_FRAGMENT_SPEC = 'http://tools.ietf.org/rfc/rfc3778';

/** The page (and region) of a PDF: `page=12` or `page=12&viewrect=left,top,width,height` in points (RFC 8118 §3). */
export interface W3CFragmentSelector {
  type: 'FragmentSelector';
  conformsTo: typeof PDF_FRAGMENT_SPEC;
  value: string;
}

export type W3CSelector = W3CTextQuoteSelector | W3CTextPositionSelector | W3CFragmentSelector;

export interface W3CTextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'commenting';
  value: string;
  format?: 'text/plain';
}

export interface W3CAgent {
  type: 'Person' | 'Software';
  name: string;
}

export interface W3CTimeState {
  type: 'TimeState';
  /** The normalised text snapshot the selectors were computed on: urn:sha256:<contentHash>. */
  cached: string;
  /** When that snapshot was taken (the source's import time). */
  sourceDate: string;
}

export interface W3CSpecificResource {
  type: 'SpecificResource';
  source: string;
  /**
   * Text highlights: quote + position over the source's extracted text, and in a paged PDF also the page fragment.
   * Area highlights (a region of a page, no text): the page fragment with its viewrect only.
   */
  selector: [W3CTextQuoteSelector, W3CTextPositionSelector] | [W3CTextQuoteSelector, W3CTextPositionSelector, W3CFragmentSelector] | [W3CFragmentSelector];
  state?: W3CTimeState;
  styleClass?: string;
}

export interface W3CAnnotation {
  '@context'?: typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting' | 'tagging';
  created: string;
  modified: string;
  generated?: string;
  creator?: W3CAgent;
  generator?: W3CAgent;
  stylesheet?: { type: 'CssStylesheet'; value: string };
  body?: W3CTextualBody[];
  target: W3CSpecificResource;
}

export interface W3CAnnotationPage {
  id: string;
  type: 'AnnotationPage';
  /** The collection described inline (model §5.2), so a page cut out of the export still says what it belongs to. */
  partOf: { id: string; label: string; total: number };
  startIndex: 0;
  items: W3CAnnotation[];
}

export interface W3CAnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  creator?: W3CAgent;
  generator: W3CAgent;
  /** Absent when the collection is empty. */
  first?: W3CAnnotationPage;
  last?: string;
}

export const WORKBENCH_GENERATOR: W3CAgent = { type: 'Software', name: 'Analyst Workbench' };

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/** `urn:sha256:<hex>` for a content hash, or null when the hash is not a sha256 hex digest. */
export function hashIri(contentHash: string): string | null {
  return HEX_SHA256.test(contentHash) ? `urn:sha256:${contentHash.toLowerCase()}` : null;
}

/** The contentHash inside a `urn:sha256:` IRI, or null. */
export function hashFromIri(iri: string): string | null {
  const match = /^urn:sha256:([0-9a-f]{64})$/i.exec(iri.trim());
  return match ? (match[1] as string).toLowerCase() : null;
}

/**
 * An http(s) URL in the canonical form the URI grammar accepts (non-ASCII percent-encoded,
 * host punycoded, fragment kept), or null when the text is not an absolute http(s) URL.
 */
export function normalizeHttpUrl(url: string): string | null {
  const trimmed = url.trim();
  if (!trimmed) return null;
  try {
    const parsed = new URL(trimmed);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.href;
  } catch {
    return null;
  }
}

/** A child IRI of the export's base: `urn:…:seg` for URNs, `…/seg` for URLs; segments percent-encoded. */
export function childIri(baseIri: string, ...segments: string[]): string {
  const encoded = segments.map((s) => encodeURIComponent(s));
  if (/^urn:/i.test(baseIri)) return [baseIri.replace(/:+$/, ''), ...encoded].join(':');
  return [baseIri.replace(/\/+$/, ''), ...encoded].join('/');
}

/**
 * The IRI that identifies a source as an annotation target: its http(s) URL when it has one
 * (what other tools annotate), else the hash of its text snapshot, else a workbench IRI.
 */
export function sourceIri(source: Source, baseIri: string): string {
  return normalizeHttpUrl(source.meta.url) ?? hashIri(source.contentHash) ?? childIri(baseIri, 'source', source.id);
}

/** "Parent/Child" path of a tag, guarding against parent cycles in stored data. */
export function tagPath(tag: Tag, tagsById: ReadonlyMap<string, Tag>): string {
  const names: string[] = [tag.name];
  const seen = new Set<string>([tag.id]);
  let parentId = tag.parentId;
  while (parentId && !seen.has(parentId)) {
    const parent = tagsById.get(parentId);
    if (!parent) break;
    names.unshift(parent.name);
    seen.add(parent.id);
    parentId = parent.parentId;
  }
  return names.join('/');
}
