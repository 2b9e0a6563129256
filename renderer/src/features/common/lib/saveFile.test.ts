import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from './base64';
import { base64ToBytes } from './saveFile';

describe('base64ToBytes', () => {
  it('inverts bytesToBase64 for every byte value, and decodes UTF-8 text bytes exactly', () => {
    const all = Uint8Array.from({ length: 256 * 3 + 1 }, (_, i) => (i * 37) % 256);
    expect(Array.from(base64ToBytes(bytesToBase64(all)))).toEqual(Array.from(all));
    const text = 'Türkiye · Erdoğan';
    expect(new TextDecoder().decode(base64ToBytes(bytesToBase64(new TextEncoder().encode(text))))).toBe(text);
  });
});
