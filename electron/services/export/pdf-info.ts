/**
 * Sets Title and Author in a PDF's Info dictionary by an incremental update (the original bytes are kept
 * and a new Info object, xref section and trailer are appended). Chromium writes the title from <title>
 * but never an author, and there is no print option for it.
 */

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** A PDF text string: UTF-16BE with BOM as a hex string, so any Unicode (Çavuşoğlu) survives. */
function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

interface Trailer {
  prevXref: number;
  size: number;
  root: string;
  info: string | null;
  id: string | null;
}

/** The last classic trailer (Skia writes a plain xref table); null for xref-stream PDFs. */
function readTrailer(text: string): Trailer | null {
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  const at = text.lastIndexOf('trailer');
  if (!start || at < 0) return null;
  const dict = text.slice(at, text.lastIndexOf('startxref'));
  const size = /\/Size\s+(\d+)/.exec(dict);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(dict);
  if (!size || !root) return null;
  return {
    prevXref: Number(start[1]),
    size: Number(size[1]),
    root: root[1]!,
    info: /\/Info\s+(\d+\s+\d+\s+R)/.exec(dict)?.[1] ?? null,
    id: /\/ID\s*(\[[^\]]*\])/.exec(dict)?.[1] ?? null,
  };
}

/** Entries of the existing Info dictionary we keep (dates, producer, creator), copied verbatim. */
function keptEntries(text: string, infoRef: string | null): string {
  if (!infoRef) return '';
  const [num, gen] = infoRef.split(/\s+/);
  const objAt = text.lastIndexOf(`\n${num} ${gen} obj`);
  if (objAt < 0) return '';
  const body = text.slice(objAt, text.indexOf('endobj', objAt));
  const kept: string[] = [];
  for (const key of ['Creator', 'Producer', 'CreationDate', 'ModDate']) {
    const m = new RegExp(`/${key}\\s*(\\((?:\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f\\s]*>)`).exec(body);
    if (m) kept.push(`/${key} ${m[1]}`);
  }
  return kept.join('\n');
}

/** The PDF with Title and Author set; returned unchanged when its structure is not the plain kind we can update. */
export function stampPdfInfo(pdf: Uint8Array, meta: { title: string; author: string }): Uint8Array {
  const text = latin1(pdf);
  const trailer = readTrailer(text);
  if (!trailer) return pdf;
  const [num, gen] = trailer.info ? trailer.info.split(/\s+/).map(Number) as [number, number] : [trailer.size, 0];
  const size = trailer.info ? trailer.size : trailer.size + 1;
  const entries = [`/Title ${pdfTextString(meta.title)}`, ...(meta.author.trim() ? [`/Author ${pdfTextString(meta.author)}`] : []), keptEntries(text, trailer.info)]
    .filter(Boolean).join('\n');
  const sep = text.endsWith('\n') ? '' : '\n';
  const objOffset = pdf.length + sep.length;
  const obj = `${num} ${gen} obj\n<<${entries}>>\nendobj\n`;
  const xrefOffset = objOffset + obj.length;
  const xref = `xref\n${num} 1\n${String(objOffset).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n`;
  const newTrailer = `trailer\n<</Size ${size} /Root ${trailer.root} /Info ${num} ${gen} R${trailer.id ? ` /ID ${trailer.id}` : ''} /Prev ${trailer.prevXref}>>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  const tail = Buffer.from(sep + obj + xref + newTrailer, 'latin1');
  const out = new Uint8Array(pdf.length + tail.length);
  out.set(pdf, 0);
  out.set(tail, pdf.length);
  return out;
}
