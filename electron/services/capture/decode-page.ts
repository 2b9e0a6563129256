/**
 * Decodes a fetched page's bytes to text the way browsers choose the encoding: BOM, Content-Type charset, <meta> prescan
 * (HTML) or XML declaration (XHTML), then a default — with Node's WHATWG TextDecoder, which knows the legacy code pages
 * (windows-1251, KOI8-R, ISO-8859-9 …) through ICU.
 */
import { prescanMetaCharset, PRESCAN_BYTES } from './charset-prescan';
import type { DecodedPage } from './types';

/** The WHATWG encoding name TextDecoder uses for a label, or null when it does not know it. */
function supported(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** Spellings servers use that are not WHATWG labels ("win-1251", "koi8r", "iso8859_9", "latin-1"), mapped to ones that are. */
function aliases(label: string): string[] {
  const out: string[] = [];
  const windows = /^(?:win|cp|ms|windows|x-cp|x-windows)[-_ ]?(125[0-8]|874)$/.exec(label);
  if (windows) out.push(`windows-${windows[1]}`);
  const iso = /^iso[-_ ]?8859[-_ ]?(\d{1,2})(?:[-_:]\d{4})?$/.exec(label);
  if (iso) out.push(`iso-8859-${iso[1]}`);
  const koi = /^koi8[-_ ]?([ru])$/.exec(label);
  if (koi) out.push(`koi8-${koi[1]}`);
  if (/^(?:cp|ibm|windows)[-_ ]?866$/.test(label)) out.push('ibm866');
  if (/^utf[-_ ]?8$/.test(label)) out.push('utf-8');
  const latin = /^latin[-_ ](\d)$/.exec(label);
  if (latin) out.push(`latin${latin[1]}`);
  out.push(label.replace(/_/g, '-'));
  return out;
}

/**
 * A label → the WHATWG encoding name, or null for an unknown one (the caller then tries the next rule: an unknown label
 * is not an error). Per WHATWG, ISO-8859-9/latin5 name windows-1254 (its superset), and ISO-8859-1/latin1 windows-1252.
 */
export function encodingForLabel(raw: string): string | null {
  const label = raw.trim().replace(/^["']+|["']+$/g, '').trim().toLowerCase();
  if (label === '' || label.length > 40) return null;
  for (const candidate of [label, ...aliases(label)]) {
    const found = supported(candidate);
    if (found !== null) return found;
  }
  return null;
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** <?xml version="1.0" encoding="windows-1251"?>: how XHTML declares its encoding (an XML parser ignores <meta>). */
function xmlDeclaredEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  const m = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']+)["']/.exec(head);
  return m?.[1] ? encodingForLabel(m[1]) : null;
}

const isHtml = (contentType: string): boolean => contentType === 'text/html' || contentType === 'application/xhtml+xml';

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * With nothing declared, WHATWG says windows-1252 for HTML; but browsers (Firefox's chardetng, Chrome's detector) read
 * an undeclared page that is valid UTF-8 with non-ASCII bytes as UTF-8, and so do we: such bytes are practically never
 * meant as windows-1252. Plain text defaults to UTF-8 the same way, falling back to windows-1252 when it is not valid
 * UTF-8 (so legacy text shows letters, not replacement marks).
 */
function defaultEncoding(bytes: Uint8Array, contentType: string): string {
  if (contentType === 'application/xhtml+xml') return 'utf-8';
  const nonAscii = bytes.some((b) => b >= 0x80);
  if (!nonAscii) return isHtml(contentType) ? 'windows-1252' : 'utf-8';
  return isValidUtf8(bytes) ? 'utf-8' : 'windows-1252';
}

/** PDFs are not decoded here (pdf.js reads the bytes): text '' and charset source 'none'. */
export function decodePage(bytes: Uint8Array, contentType: string, headerCharset: string): DecodedPage {
  if (contentType === 'application/pdf') return { text: '', charset: '', charsetSource: 'none' };
  const chosen = chooseEncoding(bytes, contentType, headerCharset);
  // Not fatal: a page whose header says UTF-8 over bytes that are not UTF-8 shows U+FFFD where the bad bytes are, as
  // browsers show it; the raw bytes are kept untouched, so nothing is lost. A matching BOM is stripped by the decoder.
  const text = new TextDecoder(chosen.charset, { fatal: false }).decode(bytes);
  return { text, ...chosen };
}

/**
 * Which rule decides: a BOM first (WHATWG "decode" and HTML encoding sniffing both let the BOM override the
 * Content-Type header — servers often default to a wrong charset, a BOM is written by whoever saved the file), then the
 * header, then the page's own declaration, then the default.
 */
function chooseEncoding(bytes: Uint8Array, contentType: string, headerCharset: string): Omit<DecodedPage, 'text'> {
  const bom = bomEncoding(bytes);
  if (bom !== null) return { charset: bom, charsetSource: 'bom' };
  const header = headerCharset === '' ? null : encodingForLabel(headerCharset);
  if (header !== null) return { charset: header, charsetSource: 'header' };
  const declared = contentType === 'application/xhtml+xml'
    ? xmlDeclaredEncoding(bytes) ?? prescanMetaCharset(bytes, encodingForLabel)
    : contentType === 'text/html' ? prescanMetaCharset(bytes, encodingForLabel) : null;
  if (declared !== null) return { charset: declared, charsetSource: 'meta' };
  return { charset: defaultEncoding(bytes, contentType), charsetSource: 'default' };
}
