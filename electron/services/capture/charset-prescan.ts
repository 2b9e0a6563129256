/**
 * The HTML spec's "prescan a byte stream to determine its encoding" (WHATWG HTML §13.2.3.2) over a page's first 1024
 * bytes: finds <meta charset> or <meta http-equiv=Content-Type content="…; charset=…"> the way browsers do, skipping
 * comments and the attributes of other tags (so a "charset=" inside a comment or a <script> attribute does not count).
 */

/** Bytes looked at, as in browsers. */
export const PRESCAN_BYTES = 1024;

const isSpace = (c: string | undefined): boolean => c === '\t' || c === '\n' || c === '\f' || c === '\r' || c === ' ';
const isLetter = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c);

/** Ran past the end of the scanned bytes: the prescan gives up without an answer (the spec's "abort"). */
class EndOfInput extends Error {}

interface Attribute {
  name: string;
  value: string;
}

/** A cursor over the bytes read as Latin-1 (one char per byte; only ASCII matters here). */
class Scanner {
  pos = 0;
  constructor(readonly s: string) {}
  at(offset = 0): string | undefined {
    return this.s[this.pos + offset];
  }
  /** The current char; past the end aborts the prescan. */
  char(): string {
    const c = this.s[this.pos];
    if (c === undefined) throw new EndOfInput();
    return c;
  }
  startsWithCi(word: string): boolean {
    return this.s.slice(this.pos, this.pos + word.length).toLowerCase() === word;
  }
}

/** The spec's "get an attribute", or null when the tag ends first. */
function getAttribute(sc: Scanner): Attribute | null {
  while (isSpace(sc.char()) || sc.char() === '/') sc.pos++;
  if (sc.char() === '>') return null;
  let name = '';
  let value = '';
  for (;;) {
    const c = sc.char();
    if (c === '=' && name !== '') {
      sc.pos++;
      break;
    }
    if (isSpace(c)) {
      while (isSpace(sc.char())) sc.pos++;
      if (sc.char() !== '=') return { name, value: '' };
      sc.pos++;
      break;
    }
    if (c === '/' || c === '>') return { name, value: '' };
    name += c.toLowerCase();
    sc.pos++;
  }
  while (isSpace(sc.char())) sc.pos++;
  const first = sc.char();
  if (first === '"' || first === "'") {
    for (;;) {
      sc.pos++;
      const c = sc.char();
      if (c === first) {
        sc.pos++;
        return { name, value };
      }
      value += c.toLowerCase();
    }
  }
  if (first === '>') return { name, value: '' };
  for (;;) {
    const c = sc.char();
    if (isSpace(c) || c === '>') return { name, value };
    value += c.toLowerCase();
    sc.pos++;
  }
}

/** The spec's "extracting a character encoding from a meta element": the charset= inside a content attribute. */
export function charsetFromContent(content: string): string | null {
  let pos = 0;
  const lower = content.toLowerCase();
  for (;;) {
    const found = lower.indexOf('charset', pos);
    if (found === -1) return null;
    pos = found + 'charset'.length;
    while (isSpace(content[pos])) pos++;
    if (content[pos] !== '=') continue;
    pos++;
    while (isSpace(content[pos])) pos++;
    const quote = content[pos];
    if (quote === '"' || quote === "'") {
      const end = content.indexOf(quote, pos + 1);
      return end === -1 ? null : content.slice(pos + 1, end);
    }
    if (quote === undefined) return null;
    const m = /^[^\t\n\f\r ;]+/.exec(content.slice(pos));
    return m ? m[0] : null;
  }
}

/**
 * The encoding label a <meta> declares, passed through `resolveLabel` (which returns null for a label it does not know,
 * so the scan goes on, as browsers do). Returns the resolved encoding, or null when there is none in the first 1024 bytes.
 */
export function prescanMetaCharset(bytes: Uint8Array, resolveLabel: (label: string) => string | null): string | null {
  const sc = new Scanner(new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES)));
  try {
    for (; sc.pos < sc.s.length; sc.pos++) {
      if (sc.startsWithCi('<!--')) {
        // Ends at the first "-->" whose '>' comes after the '<' (so "<!-->" closes itself, as the spec says).
        const end = sc.s.indexOf('-->', sc.pos + 2);
        if (end === -1) return null;
        sc.pos = end + 2;
      } else if (sc.startsWithCi('<meta') && (isSpace(sc.at(5)) || sc.at(5) === '/')) {
        sc.pos += 6;
        const found = metaElement(sc, resolveLabel);
        if (found !== null) return found;
      } else if (sc.at() === '<' && (isLetter(sc.at(1)) || (sc.at(1) === '/' && isLetter(sc.at(2))))) {
        while (!isSpace(sc.char()) && sc.char() !== '>') sc.pos++;
        while (getAttribute(sc) !== null) { /* other tags' attributes are skipped whole */ }
      } else if (sc.startsWithCi('<!') || sc.startsWithCi('</') || sc.startsWithCi('<?')) {
        const end = sc.s.indexOf('>', sc.pos + 2);
        if (end === -1) return null;
        sc.pos = end;
      }
    }
  } catch (e) {
    if (e instanceof EndOfInput) return null;
    throw e;
  }
  return null;
}

/** One <meta>'s attributes: the charset it declares, if it declares one the spec accepts. */
function metaElement(sc: Scanner, resolveLabel: (label: string) => string | null): string | null {
  const names = new Set<string>();
  let gotPragma = false;
  let needPragma: boolean | null = null;
  let charset: string | null = null;
  for (let attr = getAttribute(sc); attr !== null; attr = getAttribute(sc)) {
    if (names.has(attr.name)) continue;
    names.add(attr.name);
    if (attr.name === 'http-equiv' && attr.value === 'content-type') gotPragma = true;
    else if (attr.name === 'content' && charset === null) {
      const label = charsetFromContent(attr.value);
      const resolved = label === null ? null : resolveLabel(label);
      if (resolved !== null) {
        charset = resolved;
        needPragma = true;
      }
    } else if (attr.name === 'charset') {
      charset = resolveLabel(attr.value);
      needPragma = false;
    }
  }
  if (needPragma === null || (needPragma && !gotPragma) || charset === null) return null;
  // A byte-oriented prescan cannot have found UTF-16 text: such a declaration is wrong, and browsers read UTF-8.
  if (charset === 'utf-16le' || charset === 'utf-16be') return 'utf-8';
  if (charset === 'x-user-defined') return 'windows-1252';
  return charset;
}
