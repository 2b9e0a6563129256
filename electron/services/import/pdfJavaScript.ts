/** Finds JavaScript in a PDF's raw bytes: any /JS or /JavaScript name token (including #xx-escaped spellings). */

/** A PDF name starting with J (or an escaped J), up to the next delimiter. */
const NAME_STARTING_WITH_J = /\/(?:J|#4[aA])[^\s()<>[\]{}/%]{0,40}/g;

const decodeName = (raw: string): string =>
  raw.slice(1).replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * True when the uncompressed parts of the file name a JavaScript action. Objects hidden inside
 * compressed object streams are invisible here; pdf.ts also asks pdf.js for document, page and
 * annotation actions after loading.
 */
export function pdfBytesMentionJavaScript(bytes: Uint8Array): boolean {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  for (const match of latin1.matchAll(NAME_STARTING_WITH_J)) {
    const name = decodeName(match[0]);
    if (name === 'JS' || name === 'JavaScript') return true;
  }
  return false;
}
