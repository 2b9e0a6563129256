/** Reads article metadata from an HTML document's head: canonical URL, dates, authors, site, language. */
import type { SourceMeta } from '../../../shared/domain/types';
import { toPartialDate } from './dates';

/** What the head tells of the article: the same fields as a source's metadata. */
export type HeadMeta = SourceMeta;

const attr = (doc: Document, selector: string, name: string): string =>
  doc.querySelector(selector)?.getAttribute(name)?.trim() ?? '';

/** Only absolute http(s) URLs are kept: a javascript: or relative "canonical" is no address. */
function safeHttpUrl(value: string): string {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch {
    return '';
  }
}

const firstOf = (...values: string[]): string => values.find((v) => v !== '') ?? '';

/** Must run before Readability, which rewrites the document it is given. */
export function readHeadMeta(doc: Document): HeadMeta {
  const meta = (key: string): string =>
    firstOf(attr(doc, `meta[property="${key}"]`, 'content'), attr(doc, `meta[name="${key}"]`, 'content'));
  const published = firstOf(
    meta('article:published_time'),
    meta('og:published_time'),
    meta('date'),
    meta('dc.date'),
    meta('DC.date.issued'),
    meta('pubdate'),
    attr(doc, '[itemprop="datePublished"]', 'content'),
    attr(doc, '[itemprop="datePublished"]', 'datetime'),
    attr(doc, 'time[datetime]', 'datetime'),
  );
  const author = firstOf(meta('author'), meta('article:author'), meta('dc.creator'));
  return {
    title: firstOf(meta('og:title'), doc.title.trim()),
    authors: author !== '' && !/^https?:/i.test(author) ? [author] : [],
    publisher: meta('og:site_name'),
    publishedAt: toPartialDate(published),
    url: firstOf(safeHttpUrl(attr(doc, 'link[rel~="canonical"]', 'href')), safeHttpUrl(meta('og:url'))),
    language: firstOf(doc.documentElement.getAttribute('lang')?.trim() ?? '', meta('og:locale').replace('_', '-')),
  };
}
