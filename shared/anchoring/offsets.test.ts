/** Tests of the offset unit helpers and the canonical text normalisation. */
import { describe, expect, it } from 'vitest';
import {
  clampRange, normaliseText, snapEndOutward, snapRangeOutward, snapStartOutward, splitsSurrogatePair, validateRange,
} from './offsets';

describe('normaliseText', () => {
  it('strips a leading BOM only', () => {
    expect(normaliseText('\uFEFFabc')).toBe('abc');
    expect(normaliseText('a\uFEFFb')).toBe('a\uFEFFb');
  });
  it('turns CRLF and lone CR into LF', () => {
    expect(normaliseText('a\r\nb\rc\n\r\nd')).toBe('a\nb\nc\n\nd');
  });
  it('composes to NFC', () => {
    expect(normaliseText('cafe\u0301')).toBe('caf\u00e9');
    expect(normaliseText('\u1100\u1161')).toBe('\uac00'); // Hangul jamo -> syllable
    expect(normaliseText('q\u0307')).toBe('q\u0307'); // no precomposed form: stays two units
  });
  it('is idempotent', () => {
    const once = normaliseText('\uFEFFİş\r\ne\u0301 😀\r');
    expect(normaliseText(once)).toBe(once);
  });
});

describe('surrogate pairs and combining marks', () => {
  const text = 'a😀b'; // 😀 occupies indices 1 and 2
  it('detects an index inside a pair', () => {
    expect(splitsSurrogatePair(text, 2)).toBe(true);
    expect(splitsSurrogatePair(text, 1)).toBe(false);
    expect(splitsSurrogatePair(text, 3)).toBe(false);
  });
  it('snaps start left and end right out of a pair', () => {
    expect(snapStartOutward(text, 2)).toBe(1);
    expect(snapEndOutward(text, 2)).toBe(3);
  });
  it('keeps a base and its combining marks together', () => {
    const decomposed = 'xq\u0307\u0323y'; // q + two marks
    expect(snapEndOutward(decomposed, 2)).toBe(4);
    expect(snapStartOutward(decomposed, 3)).toBe(1);
    expect(snapRangeOutward(decomposed, 3, 3)).toEqual({ start: 1, end: 4 });
  });
  it('leaves clean boundaries alone', () => {
    expect(snapRangeOutward('hello', 1, 3)).toEqual({ start: 1, end: 3 });
  });
});

describe('clampRange and validateRange', () => {
  it('clamps out-of-bounds, reversed and fractional input', () => {
    expect(clampRange('abcdef', -5, 99)).toEqual({ start: 0, end: 6 });
    expect(clampRange('abcdef', 4, 2)).toEqual({ start: 2, end: 4 });
    expect(clampRange('abcdef', 1.7, Number.NaN)).toEqual({ start: 0, end: 1 });
  });
  it('reports each kind of bad range as a value', () => {
    const code = (r: ReturnType<typeof validateRange>) => (r.ok ? 'ok' : r.error.code);
    expect(code(validateRange('abc', 0.5, 2))).toBe('not_integer');
    expect(code(validateRange('abc', 0, 4))).toBe('out_of_bounds');
    expect(code(validateRange('abc', 2, 1))).toBe('reversed');
    expect(code(validateRange('a😀', 0, 2))).toBe('splits_surrogate_pair');
    expect(validateRange('a😀', 0, 3)).toEqual({ ok: true, value: { start: 0, end: 3 } });
  });
});
