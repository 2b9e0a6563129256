/** Reads citation fields from a page's schema.org JSON-LD: the article node of a @graph or top-level block, @id links followed. */

/** The fields JSON-LD can give; dates as the page wrote them (the caller normalises). */
export interface LdFields {
  title: string;
  authors: string[];
  publisher: string;
  publishedAt: string;
  modifiedAt: string;
  language: string;
}

type LdNode = Record<string, unknown>;

/** Article types, in no order of preference: the first one in the page is its main article. */
const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle', 'backgroundnewsarticle',
  'reviewnewsarticle', 'askpublicnewsarticle', 'blogposting', 'liveblogposting', 'scholarlyarticle', 'techarticle', 'report',
]);
const PAGE_TYPES = new Set(['webpage', 'itempage', 'collectionpage', 'aboutpage']);

/** Bounds against a hostile page: the text parsed, and the nodes walked. */
const MAX_BLOCK_CHARS = 1024 * 1024;
const MAX_NODES = 2_000;
const MAX_DEPTH = 6;

/** "schema:NewsArticle", "https://schema.org/NewsArticle", ["Article","NewsArticle"] → lower-case bare names. */
function typesOf(node: LdNode): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, '').toLowerCase());
}

/** CMSs wrap the JSON in HTML comments or CDATA markers; trailing commas and the like are not repaired (ignored). */
function parseBlock(text: string): unknown {
  if (text.length > MAX_BLOCK_CHARS) return undefined;
  const bare = text.trim()
    .replace(/^(?:\/\/\s*)?<!\[CDATA\[|^<!--/, '')
    .replace(/(?:\/\/\s*)?\]\]>$|-->$/, '');
  try {
    return JSON.parse(bare) as unknown;
  } catch {
    return undefined;
  }
}

/** Every object in the blocks, depth-first in document order (so an article nested in a WebPage is found too). */
function collectNodes(doc: Document): LdNode[] {
  const nodes: LdNode[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (nodes.length >= MAX_NODES || depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
      return;
    }
    nodes.push(value as LdNode);
    for (const child of Object.values(value)) walk(child, depth + 1);
  };
  for (const script of doc.querySelectorAll('script[type]')) {
    if (!/^\s*application\/ld\+json\s*(?:;|$)/i.test(script.getAttribute('type') ?? '')) continue;
    walk(parseBlock(script.textContent ?? ''), 0);
  }
  return nodes;
}

/** Yoast and others write `"author": {"@id": "…#/schema/person/1"}`: the named node lives elsewhere in the graph. */
function resolver(nodes: LdNode[]): (value: unknown) => unknown {
  const byId = new Map<string, LdNode>();
  for (const node of nodes) {
    const id = node['@id'];
    // The first node carrying an @id with more than the reference itself is the definition.
    if (typeof id === 'string' && Object.keys(node).length > 1 && !byId.has(id)) byId.set(id, node);
  }
  return (value) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const id = (value as LdNode)['@id'];
      if (typeof id === 'string' && Object.keys(value).length === 1) return byId.get(id) ?? value;
    }
    return value;
  };
}

const NAMED: Record<string, string> = {
  amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
};

/** Script text is not entity-decoded by the HTML parser, and CMSs often escape JSON-LD strings as HTML ("&amp;"). */
function decodeEntities(value: string): string {
  return value.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The first string of a value that may be a string, a number (dates), or an array of them. */
function text(value: unknown): string {
  if (typeof value === 'string') return decodeEntities(value).replace(/\s+/g, ' ').trim();
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(text).find((v) => v !== '') ?? '';
  return '';
}

/** A Person/Organization's name: `name`, or given + family name. */
function nameOf(value: unknown): string {
  if (typeof value === 'string') return text(value);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return '';
  const node = value as LdNode;
  const name = text(node.name);
  return name !== '' ? name : [text(node.givenName), text(node.familyName)].filter((v) => v !== '').join(' ');
}

const looksLikeUrl = (value: string): boolean => /^(?:https?:)?\/\//i.test(value);

function authorsOf(node: LdNode, resolve: (v: unknown) => unknown): string[] {
  const raw = node.author ?? node.creator;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.map((a) => nameOf(resolve(a))).filter((n) => n !== '' && !looksLikeUrl(n));
}

function languageOf(value: unknown): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const node = value as LdNode;
    return text(node.alternateName) || text(node.name);
  }
  return text(value);
}

/** The fields of the page's main article (or, failing one, its WebPage node), or null when the page has neither. */
export function readJsonLd(doc: Document): LdFields | null {
  const nodes = collectNodes(doc);
  const resolve = resolver(nodes);
  const article = nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPES.has(t)));
  const page = nodes.find((n) => typesOf(n).some((t) => PAGE_TYPES.has(t)));
  const site = nodes.find((n) => typesOf(n).includes('website'));
  const chain = [article, page].filter((n): n is LdNode => n !== undefined);
  if (chain.length === 0) return null;
  const first = (read: (n: LdNode) => string): string => chain.map(read).find((v) => v !== '') ?? '';
  const authors = chain.map((n) => authorsOf(n, resolve)).find((list) => list.length > 0) ?? [];
  const publisher = first((n) => nameOf(resolve(n.publisher))) || (site ? nameOf(resolve(site.publisher)) : '');
  return {
    title: first((n) => text(n.headline) || text(n.name)),
    authors,
    publisher,
    publishedAt: first((n) => text(n.datePublished) || text(n.dateCreated)),
    modifiedAt: first((n) => text(n.dateModified)),
    language: first((n) => languageOf(n.inLanguage)) || (site ? languageOf(site.inLanguage) : ''),
  };
}
