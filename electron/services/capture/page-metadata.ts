/**
 * Reads a page's citation metadata the way citation tools do: JSON-LD, then Highwire citation_*, OpenGraph, Dublin Core
 * and finally the plain <title>/<meta name=author>; each field comes from the first vocabulary that has it.
 */
import type { PageMetadata } from '../../../shared/domain/capture';
import { toPartialDate } from '../import/dates';
import { readJsonLd } from './page-jsonld';

type Fields = Omit<PageMetadata, 'canonicalUrl' | 'found'>;
type MetaIndex = Map<string, string[]>;

/** Every <meta>'s content by each of its keys (name, property, itemprop, http-equiv), lower-cased; document order. */
function indexMeta(doc: Document): MetaIndex {
  const index: MetaIndex = new Map();
  for (const meta of doc.querySelectorAll('meta')) {
    const content = (meta.getAttribute('content') ?? '').replace(/\s+/g, ' ').trim();
    if (content === '') continue;
    for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (!key) continue;
      const list = index.get(key) ?? [];
      list.push(content);
      index.set(key, list);
    }
  }
  return index;
}

const looksLikeUrl = (value: string): boolean => /^(?:https?:)?\/\//i.test(value);

/** Names without duplicates (case-insensitive), URLs (profile links in article:author) left out. */
function cleanNames(names: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.replace(/\s+/g, ' ').trim();
    if (name === '' || looksLikeUrl(name) || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

/**
 * YYYY[-MM[-DD]] or ''. "05.03.2024" is day-first (the dotted form is European; toPartialDate would read it as 3 May),
 * and an all-numeric slashed date whose order cannot be told ("05/03/2024") is not guessed.
 */
export function normaliseDate(value: string): string {
  const v = value.trim();
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/.exec(v);
  if (dotted) return toPartialDate(`${dotted[3]}-${dotted[2]}-${dotted[1]}`);
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/.exec(v);
  if (slashed) {
    const [, a = '', b = '', year = ''] = slashed;
    if (Number(a) > 12) return toPartialDate(`${year}-${b}-${a}`); // 25/03/2026: day first
    if (Number(b) > 12 || a === b) return toPartialDate(`${year}-${a}-${b}`); // 03/25/2026: month first
    return '';
  }
  return toPartialDate(v);
}

/** "en_US" (OpenGraph's form) → "en-US". */
const normaliseLanguage = (value: string): string => value.trim().replace(/_/g, '-');

function fromMeta(metas: MetaIndex, keys: {
  title: string[]; authors: string[]; publisher: string[]; published: string[]; modified: string[]; language: string[];
}): Partial<Fields> {
  const first = (names: string[]): string => names.map((k) => metas.get(k)?.[0] ?? '').find((v) => v !== '') ?? '';
  const dateOf = (names: string[]): string => names.map((k) => normaliseDate(metas.get(k)?.[0] ?? '')).find((v) => v !== '') ?? '';
  return {
    title: first(keys.title),
    authors: cleanNames(keys.authors.flatMap((k) => metas.get(k) ?? [])),
    publisher: first(keys.publisher),
    publishedAt: dateOf(keys.published),
    modifiedAt: dateOf(keys.modified),
    language: normaliseLanguage(first(keys.language)),
  };
}

function citation(metas: MetaIndex): Partial<Fields> {
  const fields = fromMeta(metas, {
    title: ['citation_title'],
    authors: ['citation_author'],
    publisher: ['citation_publisher', 'citation_journal_title', 'citation_technical_report_institution', 'citation_dissertation_institution', 'citation_conference_title'],
    published: ['citation_publication_date', 'citation_date', 'citation_online_date', 'citation_cover_date'],
    modified: [],
    language: ['citation_language'],
  });
  // The old form: one tag, "Smith, J.; Doe, A.".
  const legacy = metas.get('citation_authors')?.[0];
  if (fields.authors?.length === 0 && legacy) fields.authors = cleanNames(legacy.split(';'));
  return fields;
}

const openGraph = (metas: MetaIndex): Partial<Fields> => fromMeta(metas, {
  title: ['og:title'],
  authors: ['article:author'],
  publisher: ['og:site_name'],
  published: ['article:published_time', 'og:published_time'],
  modified: ['article:modified_time', 'og:updated_time'],
  language: ['og:locale'],
});

const dublinCore = (metas: MetaIndex): Partial<Fields> => fromMeta(metas, {
  title: ['dc.title', 'dcterms.title'],
  authors: ['dc.creator', 'dcterms.creator'],
  publisher: ['dc.publisher', 'dcterms.publisher'],
  published: ['dcterms.issued', 'dc.date.issued', 'dc.date', 'dcterms.date', 'dcterms.created', 'dc.date.created'],
  modified: ['dcterms.modified', 'dc.date.modified'],
  language: ['dc.language', 'dcterms.language'],
});

/** What any page has: <title>, <meta name=author>, <html lang>, and a few common date tags. */
function plainHtml(doc: Document, metas: MetaIndex): Partial<Fields> {
  const fields = fromMeta(metas, {
    title: [],
    authors: ['author'],
    publisher: [],
    published: ['date', 'pubdate', 'publishdate', 'publish-date', 'datepublished', 'parsely-pub-date', 'sailthru.date'],
    modified: ['datemodified', 'last-modified'],
    language: ['content-language'],
  });
  const lang = doc.documentElement?.getAttribute('lang')?.trim() ?? '';
  return { ...fields, title: doc.title.replace(/\s+/g, ' ').trim(), language: lang !== '' ? normaliseLanguage(lang) : fields.language };
}

function jsonLd(doc: Document): Partial<Fields> {
  const ld = readJsonLd(doc);
  if (ld === null) return {};
  return {
    ...ld,
    authors: cleanNames(ld.authors),
    publishedAt: normaliseDate(ld.publishedAt),
    modifiedAt: normaliseDate(ld.modifiedAt),
    language: normaliseLanguage(ld.language),
  };
}

/** <link rel=canonical>, resolved against <base href> and the page's address; only an absolute http(s) URL counts. */
function canonicalOf(doc: Document, baseUrl: string): string {
  const href = [...doc.querySelectorAll('link[rel][href]')]
    .find((link) => (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'))
    ?.getAttribute('href')?.trim();
  if (!href) return '';
  try {
    const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
    const base = baseHref ? new URL(baseHref, baseUrl) : new URL(baseUrl);
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch {
    return '';
  }
}

const FIELDS = ['title', 'authors', 'publisher', 'publishedAt', 'modifiedAt', 'language'] as const;

/** Must run on a document Readability has not yet rewritten (it strips the head's meta and scripts). */
export function readPageMetadata(doc: Document, baseUrl: string): PageMetadata {
  const metas = indexMeta(doc);
  const vocabularies: Array<[string, Partial<Fields>]> = [
    ['json-ld', jsonLd(doc)],
    ['citation', citation(metas)],
    ['opengraph', openGraph(metas)],
    ['dublin-core', dublinCore(metas)],
    ['html', plainHtml(doc, metas)],
  ];
  const result: PageMetadata = { title: '', authors: [], publisher: '', publishedAt: '', modifiedAt: '', language: '', canonicalUrl: '', found: [] };
  const used = new Set<string>();
  for (const field of FIELDS) {
    for (const [name, fields] of vocabularies) {
      const value = fields[field];
      if (value === undefined || value.length === 0) continue;
      (result as unknown as Record<string, unknown>)[field] = value;
      used.add(name);
      break;
    }
  }
  result.canonicalUrl = canonicalOf(doc, baseUrl);
  if (result.canonicalUrl !== '') used.add('canonical');
  result.found = [...vocabularies.map(([name]) => name), 'canonical'].filter((name) => used.has(name));
  return result;
}
