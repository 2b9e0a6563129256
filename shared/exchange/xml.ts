/** XML text and attribute escaping for the exchange writers (no XML library: the documents are written directly). */

/** Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/FFFF): dropped. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const xmlText = (s: string): string =>
  s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Attribute values also escape quotes and keep tabs and line breaks as character references (else they become spaces). */
export const xmlAttr = (s: string): string =>
  xmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

/** `name="value"` pairs for the defined values, in the order given. */
export function attrs(pairs: Array<[string, string | number | boolean | undefined | null]>): string {
  return pairs.filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`).join('');
}
