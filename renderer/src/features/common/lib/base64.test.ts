import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from './base64';

describe('bytesToBase64', () => {
  it('matches Node for sizes around the chunk boundary and for all byte values', () => {
    for (const size of [0, 1, 2, 3, 24_575, 24_576, 24_577, 100_001]) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 31 + 7) % 256);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('encodes a large file without blowing the stack', () => {
    const bytes = new Uint8Array(3 * 1024 * 1024).fill(0xe9);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
