/**
 * The part of a page its citation metadata lives in: the <head> (plus any JSON-LD blocks in the body), cut out by a
 * linear scan so the metadata parse costs jsdom a few KB however large the page is.
 */

/** Longest head kept; real heads are 2–60 KB (a few news sites inline 200 KB of CSS there). */
export const MAX_HEAD_CHARS = 512 * 1024;
/** JSON-LD blocks taken from the body, and their total size. */
const MAX_LD_BLOCKS = 20;
const MAX_LD_CHARS = 256 * 1024;

/** <script> tags looked at (real pages have a few hundred at most), and the longest start tag read. */
const MAX_SCRIPT_TAGS = 2_000;
const MAX_TAG_CHARS = 2_000;

const SCRIPT_OPEN = /<script\b/gi;
const SCRIPT_CLOSE = /<\/script/gi;
const LD_TYPE = /\btype\s*=\s*["']?application\/ld\+json\b/i;

/**
 * JSON-LD <script> blocks from `from` on. Each step only moves forward and reads at most MAX_TAG_CHARS of a start
 * tag, so a hostile page (thousands of unclosed tags) costs a bounded amount, never a scan per tag to the end.
 */
function ldBlocks(html: string, from: number): string[] {
  const out: string[] = [];
  let total = 0;
  SCRIPT_OPEN.lastIndex = from;
  for (let seen = 0, m = SCRIPT_OPEN.exec(html); m && seen < MAX_SCRIPT_TAGS && out.length < MAX_LD_BLOCKS; seen++, m = SCRIPT_OPEN.exec(html)) {
    const gt = html.slice(m.index, m.index + MAX_TAG_CHARS).indexOf('>');
    if (gt === -1) continue;
    const tag = html.slice(m.index, m.index + gt + 1);
    SCRIPT_CLOSE.lastIndex = m.index + gt + 1;
    const close = SCRIPT_CLOSE.exec(html);
    if (!close) break;
    SCRIPT_OPEN.lastIndex = close.index;
    if (!LD_TYPE.test(tag)) continue;
    const block = `${tag}${html.slice(m.index + gt + 1, close.index)}</script>`;
    if (total + block.length > MAX_LD_CHARS) break;
    total += block.length;
    out.push(block);
  }
  return out;
}

/** The page cut down to its head (capped) and its body's JSON-LD, as an HTML document with an empty body. */
export function headOnlyHtml(html: string): string {
  const body = html.search(/<body[\s>/]/i);
  const headEnd = body !== -1 ? body : html.search(/<\/head\s*>/i);
  const cut = Math.min(headEnd === -1 ? html.length : headEnd, MAX_HEAD_CHARS);
  const head = html.slice(0, cut);
  const scripts = body === -1 ? [] : ldBlocks(html, body);
  return `${head}\n${scripts.join('\n')}\n</head><body></body></html>`;
}

/**
 * Parses the head-only page (scripts never run, nothing fetched), hands its document to `read`, closes it. jsdom is
 * loaded on the first capture, not when the workspace opens: it costs the services ~50 MB of RSS (issue 14).
 */
export async function withHeadDocument<T>(html: string, read: (doc: Document) => T): Promise<T> {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const dom = new JSDOM(headOnlyHtml(html), { virtualConsole: new VirtualConsole(), contentType: 'text/html' });
  try {
    return read(dom.window.document);
  } finally {
    dom.window.close();
  }
}
