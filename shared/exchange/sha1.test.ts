/** The pure SHA-1 and UUIDv5 agree with node:crypto and with the RFC 4122 / FIPS test vectors. */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha1Hex, uuidV5 } from './sha1';

describe('sha1Hex', () => {
  it('gives the FIPS 180 test vectors and matches node:crypto on long, multi-block and non-ASCII input', () => {
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1Hex('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    for (const s of ['a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'Erdoğan — Тоқаев '.repeat(300)]) {
      expect(sha1Hex(s)).toBe(crypto.createHash('sha1').update(s, 'utf8').digest('hex'));
    }
  });
});

describe('uuidV5', () => {
  it('gives the well-known v5 UUID of "www.example.com" in the DNS namespace', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
  it('is deterministic, differs by name, and rejects a malformed namespace', () => {
    expect(uuidV5('entity:1')).toBe(uuidV5('entity:1'));
    expect(uuidV5('entity:1')).not.toBe(uuidV5('entity:2'));
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(/not a UUID namespace/);
  });
});
