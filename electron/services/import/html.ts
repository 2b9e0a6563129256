/** HTML import: jsdom (scripts never run, nothing fetched) + Readability + DOMPurify, then plain text. */
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import type { SourceMeta } from '../../../shared/domain/types';
import { domToText } from './htmlText';
import { readHeadMeta } from './htmlMeta';
import { splitAuthors } from './markdown';
import { toPartialDate } from './dates';
import { guessTitle } from './titleGuess';

export interface HtmlImport {
  /** Readable text (not yet normalised); '' when the page holds none. */
  text: string;
  meta: SourceMeta;
}

/** Tags DOMPurify's html profile would keep but whose content is never article text. */
const FORBID_TAGS = ['style', 'form', 'input', 'button', 'select', 'textarea', 'template', 'noscript'];

/**
 * Readability's cost grows steeply with page size (measured ~6 s for 40k elements on this machine);
 * past this many elements the page's <article>/<main>/<body> is used directly instead.
 */
const MAX_READABILITY_ELEMENTS = 20_000;

/** Sanitises an HTML fragment inside the given window and returns its readable text. */
function sanitisedText(window: Window, html: string): string {
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  const fragment = purify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS,
    RETURN_DOM_FRAGMENT: true,
  });
  return domToText(fragment);
}

/** The best container without Readability: the single <article>, else <main>, else the body. */
function fallbackRootHtml(doc: Document): string {
  const articles = doc.querySelectorAll('article');
  const root = (articles.length === 1 ? articles[0] : null) ?? doc.querySelector('main') ?? doc.body;
  return root?.innerHTML ?? '';
}

/** Parses without running anything, extracts the article (or the page) as text, and reads its metadata. */
export function importHtml(html: string, maxReadabilityElements = MAX_READABILITY_ELEMENTS): HtmlImport {
  // Defaults already mean: runScripts off, resources not loaded. The silent console swallows CSS parse noise.
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole(), contentType: 'text/html' });
  try {
    const { window } = dom;
    const doc = window.document;
    const head = readHeadMeta(doc);
    const fallbackHtml = fallbackRootHtml(doc);

    let article: ReturnType<Readability['parse']> = null;
    if (doc.getElementsByTagName('*').length <= maxReadabilityElements) {
      try {
        article = new Readability(doc).parse();
      } catch {
        article = null; // Readability failing on odd markup is not fatal: fall back to the page itself.
      }
    }

    const win = window as unknown as Window;
    let text = article?.content ? sanitisedText(win, article.content) : '';
    if (text.trim() === '') text = sanitisedText(win, fallbackHtml);

    const byline = article?.byline?.trim() ?? '';
    const meta: SourceMeta = {
      title: (article?.title ?? '').trim() || head.title || guessTitle(text),
      authors: byline !== '' ? splitAuthors(byline) : head.authors,
      publisher: (article?.siteName ?? '').trim() || head.publisher,
      publishedAt: toPartialDate(article?.publishedTime ?? '') || head.publishedAt,
      url: head.url,
      language: (article?.lang ?? '').trim() || head.language,
    };
    return { text, meta };
  } finally {
    dom.window.close();
  }
}
