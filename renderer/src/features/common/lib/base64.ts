/** Base64 encoding of file bytes in bounded chunks (no giant argument spreads, no Node Buffer). */

/** A multiple of 3, so every chunk encodes to whole base64 quads and the pieces simply concatenate. */
const CHUNK_BYTES = 3 * 8192;

export function bytesToBase64(bytes: Uint8Array): string {
  const pieces: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
    const chunk = bytes.subarray(offset, offset + CHUNK_BYTES);
    let binary = '';
    for (let i = 0; i < chunk.length; i++) binary += String.fromCharCode(chunk[i]!);
    pieces.push(btoa(binary));
  }
  return pieces.join('');
}
