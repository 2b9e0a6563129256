/** Cheap byte-level checks run before any decoding or parsing: emptiness, binary content, UTF-8 validity. */

/** How many leading bytes the binary sniff looks at. */
const SNIFF_BYTES = 64 * 1024;
/** Share of control characters above which a "text" file is judged binary (ANSI logs stay well below). */
const MAX_CONTROL_SHARE = 0.05;

const SIGNATURES: ReadonlyArray<{ name: string; magic: number[] }> = [
  { name: 'a PDF document', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a PNG image', magic: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', magic: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', magic: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a ZIP archive (or an Office document)', magic: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a gzip archive', magic: [0x1f, 0x8b] },
];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** True when the bytes are nothing but ASCII whitespace (so an empty file, too). */
export function isBlankBytes(bytes: Uint8Array): boolean {
  for (const b of bytes) {
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b) return false;
  }
  return true;
}

/** True when the bytes start with a UTF-16 byte-order mark: text, but not UTF-8. */
export const hasUtf16Bom = (bytes: Uint8Array): boolean =>
  startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);

/** Finds `%PDF-` within the first KiB (readers tolerate a little junk before it). */
export function pdfHeaderAt(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= limit; i++) {
    if (bytes[i] === 0x25 && startsWith(bytes.subarray(i, i + 5), [0x25, 0x50, 0x44, 0x46, 0x2d])) return i;
  }
  return -1;
}

/**
 * Why the bytes are not text, or null when they look like text: a known binary signature,
 * a NUL byte, or a high share of control characters in the first chunk.
 */
export function binaryReason(bytes: Uint8Array): string | null {
  const known = SIGNATURES.find((s) => startsWith(bytes, s.magic));
  if (known) return `the file is binary (${known.name}), not text`;
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i] as number;
    if (b === 0) return 'the file is binary, not text';
    // Tab, LF, VT, FF, CR and ESC (ANSI colour codes) occur in real text.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) {
      control++;
    }
  }
  return end > 0 && control / end > MAX_CONTROL_SHARE ? 'the file is binary, not text' : null;
}

export type Utf8Decoded = { ok: true; text: string } | { ok: false; offset: number; byte: number };

/** Decodes strictly (a leading BOM is dropped); on failure reports the first invalid byte. */
export function decodeUtf8(bytes: Uint8Array): Utf8Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    return { ok: false, offset, byte: bytes[offset] ?? 0 };
  }
}

/** Walks UTF-8 sequences (only after the fast decoder failed) to locate the first bad byte. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const cont = (i: number): boolean => i < bytes.length && ((bytes[i] as number) & 0xc0) === 0x80;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) { i++; continue; }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; cp = b & 0x1f; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; cp = b & 0x0f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; cp = b & 0x07; }
    else return i;
    for (let k = 1; k <= need; k++) {
      if (!cont(i + k)) return i; // report the start of the broken sequence
      cp = (cp << 6) | ((bytes[i + k] as number) & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid too.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return bytes.length;
}
